package io.kovan.crm.impl.rest;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

import io.kovan.crm.api.FunnelDTO;
import io.kovan.crm.api.StageKind;

/** The funnel and the pipeline as PNG bar charts, drawn by JFreeChart from the report's own figures. */
final class Charts {

    static final int WIDTH = 800;
    static final int HEIGHT = 400;

    private Charts() {
    }

    /** Opportunities that reached each stage, the pipeline's stages then won. */
    static byte[] funnel(FunnelDTO funnel) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        funnel.stages().stream().filter(s -> !s.stage().equals(lostStage(funnel))).forEach(s -> data.addValue(s.reached(), "Reached", s.name()));
        JFreeChart chart = ChartFactory.createBarChart("Sales funnel: " + funnel.opportunities() + " opportunities", null, "Opportunities", data,
            PlotOrientation.HORIZONTAL, false, false, false);
        return png(chart);
    }

    /** Value now in each open stage, and that value weighted by the stage's probability. */
    static byte[] pipeline(FunnelDTO funnel, java.util.Map<String, StageKind> kinds) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        funnel.stages().stream().filter(s -> kinds.get(s.stage()) == StageKind.OPEN).forEach(s -> {
            data.addValue(s.currentValue(), "Value", s.name());
            data.addValue(s.weightedValue(), "Weighted", s.name());
        });
        JFreeChart chart = ChartFactory.createBarChart("Pipeline: weighted " + funnel.weightedPipeline() + " " + funnel.currency(), null,
            funnel.currency(), data, PlotOrientation.VERTICAL, true, false, false);
        return png(chart);
    }

    private static String lostStage(FunnelDTO funnel) {
        return funnel.stages().get(funnel.stages().size() - 1).stage();
    }

    private static byte[] png(JFreeChart chart) {
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
