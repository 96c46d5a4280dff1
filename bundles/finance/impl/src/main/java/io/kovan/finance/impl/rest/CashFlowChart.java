package io.kovan.finance.impl.rest;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

import io.kovan.finance.api.CashFlowDTO;
import io.kovan.finance.api.CashFlowMonthDTO;

/** The cash flow as a PNG: money in and out per month, and the cash at each month's end, drawn by JFreeChart from the report's figures. */
final class CashFlowChart {

    static final int WIDTH = 900;
    static final int HEIGHT = 450;

    private CashFlowChart() {
    }

    static byte[] png(CashFlowDTO flow) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (CashFlowMonthDTO m : flow.months()) {
            String month = m.year() + "-" + String.format("%02d", m.month());
            data.addValue(m.inflow(), "In", month);
            data.addValue(m.outflow(), "Out", month);
            data.addValue(m.closingCash(), "Cash at month end", month);
        }
        JFreeChart chart = ChartFactory.createBarChart("Cash flow " + flow.from() + " to " + flow.to() + ": net " + flow.netChange().toPlainString() + " "
            + flow.currency(), null, flow.currency(), data, PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
