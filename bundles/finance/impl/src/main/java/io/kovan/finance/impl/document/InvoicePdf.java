package io.kovan.finance.impl.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import io.kovan.finance.api.InvoiceDTO;
import io.kovan.finance.api.InvoiceKind;
import io.kovan.finance.api.InvoiceLineDTO;
import io.kovan.finance.api.VatSummaryLineDTO;
import io.kovan.kernel.api.party.AddressDTO;
import io.kovan.kernel.api.party.PartyDTO;

/**
 * An invoice as an A4 PDF: the heading, seller and buyer, the lines (over as many pages as they
 * need, the column heads repeated on each), the VAT per rate and the totals, figures in the Turkish
 * style (1.234,56). The DejaVu fonts come from the bundle and are embedded as subsets, so Turkish
 * letters print and nothing depends on the fonts of the machine.
 */
final class InvoicePdf {

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 40;
    private static final float RIGHT = PAGE.getWidth() - MARGIN;
    /** Kept free above the bottom margin for the page number. */
    private static final float FOOTER = 20;
    private static final float TITLE_SIZE = 16;
    private static final float TEXT_SIZE = 9;
    private static final float TABLE_SIZE = 8;
    private static final float LEADING = 12;
    private static final float TABLE_LEADING = 10;
    private static final float CELL_PADDING = 2;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private record Column(String heading, float width, boolean rightAligned) {
    }

    /** The line table; the widths fill the 515 pt between the margins. */
    private static final List<Column> COLUMNS = List.of(new Column("No", 22, true), new Column("Kod", 60, false), new Column("Açıklama", 150, false),
        new Column("Miktar", 60, true), new Column("Birim Fiyat", 70, true), new Column("İsk. %", 38, true), new Column("KDV %", 38, true),
        new Column("Tutar", 77.28f, true));

    private record Styled(PDFont font, String text) {
    }

    private record TotalRow(String label, String amount, boolean bold) {
    }

    /** Where bnd.bnd puts the fonts in the bundle, from jasperreports-fonts. */
    static final String REGULAR_FONT = "/fonts/DejaVuSans.ttf";
    static final String BOLD_FONT = "/fonts/DejaVuSans-Bold.ttf";

    private InvoicePdf() {
    }

    /** The invoice as PDF bytes; a draft is titled so (TASLAK), a cancelled invoice too (İPTAL). */
    static byte[] render(InvoiceDTO invoice, InvoiceParties parties) {
        try (PDDocument doc = new PDDocument()) {
            Canvas canvas = new Canvas(doc, font(doc, REGULAR_FONT), font(doc, BOLD_FONT));
            String title = title(invoice);
            doc.getDocumentInformation().setTitle(invoice.number() == null ? title : title + " " + invoice.number());
            heading(canvas, title, invoice, parties);
            partyBlocks(canvas, parties);
            lineTable(canvas, invoice);
            totals(canvas, invoice, parties);
            notes(canvas, invoice.notes());
            canvas.finish(invoice.number());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Invoice " + invoice.number() + " could not be rendered", e);
        }
    }

    /** The bundle's own copy of the font: never a system font, which PDFBox would go scanning the disk for. */
    private static PDFont font(PDDocument doc, String resource) throws IOException {
        try (InputStream in = InvoicePdf.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font " + resource + " not found");
            }
            return PDType0Font.load(doc, in, true);
        }
    }

    private static String title(InvoiceDTO invoice) {
        String title = switch (invoice.kind()) {
            case CUSTOMER_INVOICE -> "FATURA";
            case CREDIT_NOTE -> "İADE FATURASI";
            case SUPPLIER_INVOICE -> "ALIŞ FATURASI";
        };
        return switch (String.valueOf(invoice.state())) {
            case "draft" -> title + " (TASLAK)";
            case "cancelled" -> title + " (İPTAL)";
            default -> title;
        };
    }

    private static void heading(Canvas canvas, String title, InvoiceDTO invoice, InvoiceParties parties) throws IOException {
        canvas.y -= TITLE_SIZE;
        canvas.text(canvas.bold, TITLE_SIZE, MARGIN, canvas.y, title);
        canvas.y -= 6;
        fact(canvas, "Fatura No", invoice.number());
        fact(canvas, "Fatura Tarihi", date(invoice.date()));
        fact(canvas, "Vade Tarihi", date(invoice.dueDate()));
        fact(canvas, "ETTN", invoice.uuid());
        if (invoice.kind() == InvoiceKind.CREDIT_NOTE && parties.creditedInvoiceNumber() != null) {
            LocalDate creditedDate = parties.creditedInvoiceDate();
            fact(canvas, "İade Edilen Fatura", parties.creditedInvoiceNumber() + (creditedDate == null ? "" : " (" + date(creditedDate) + ")"));
        }
        fact(canvas, "Tedarikçi Fatura No", invoice.supplierInvoiceNumber());
        fact(canvas, "Referans", invoice.reference());
        fact(canvas, "Para Birimi", invoice.currency());
    }

    private static void fact(Canvas canvas, String label, String value) throws IOException {
        if (value == null || value.isBlank()) {
            return;
        }
        canvas.y -= LEADING;
        canvas.text(canvas.bold, TEXT_SIZE, MARGIN, canvas.y, label);
        canvas.text(canvas.regular, TEXT_SIZE, MARGIN + 100, canvas.y, value);
    }

    private static void partyBlocks(Canvas canvas, InvoiceParties parties) throws IOException {
        float gap = 20;
        float width = (RIGHT - MARGIN - gap) / 2;
        List<Styled> seller = partyBlock(canvas, "SATICI", parties.seller(), width);
        List<Styled> buyer = partyBlock(canvas, "ALICI", parties.buyer(), width);
        canvas.y -= LEADING;
        for (int i = 0; i < Math.max(seller.size(), buyer.size()); i++) {
            canvas.y -= LEADING;
            if (i < seller.size()) {
                canvas.text(seller.get(i).font(), TEXT_SIZE, MARGIN, canvas.y, seller.get(i).text());
            }
            if (i < buyer.size()) {
                canvas.text(buyer.get(i).font(), TEXT_SIZE, MARGIN + width + gap, canvas.y, buyer.get(i).text());
            }
        }
    }

    private static List<Styled> partyBlock(Canvas canvas, String heading, PartyDTO party, float width) throws IOException {
        List<Styled> block = new ArrayList<>();
        block.add(new Styled(canvas.bold, heading));
        canvas.wrap(canvas.bold, TEXT_SIZE, party.name(), width).forEach(line -> block.add(new Styled(canvas.bold, line)));
        List<String> details = new ArrayList<>(addressLines(InvoiceParties.invoiceAddress(party)));
        if (party.taxOffice() != null) {
            details.add("Vergi Dairesi: " + party.taxOffice());
        }
        if (party.taxNumber() != null) {
            details.add(InvoiceParties.taxIdScheme(party.taxNumber()) + ": " + party.taxNumber());
        }
        for (String detail : details) {
            canvas.wrap(canvas.regular, TEXT_SIZE, detail, width).forEach(line -> block.add(new Styled(canvas.regular, line)));
        }
        return block;
    }

    /** Street lines, then "34394 Şişli / İstanbul", then the country. */
    private static List<String> addressLines(AddressDTO address) {
        if (address == null) {
            return List.of();
        }
        String place = join(" ", address.postalCode(), join(" / ", address.district(), address.city()));
        return Stream.of(address.line1(), address.line2(), place, InvoiceParties.countryName(address.country())).filter(s -> s != null && !s.isBlank())
            .toList();
    }

    private static String join(String separator, String first, String second) {
        return first == null || first.isBlank() ? second : second == null || second.isBlank() ? first : first + separator + second;
    }

    private static void lineTable(Canvas canvas, InvoiceDTO invoice) throws IOException {
        canvas.y -= LEADING;
        tableHead(canvas);
        int index = 0;
        for (InvoiceLineDTO line : invoice.lines()) {
            index++;
            List<String> values = List.of(String.valueOf(line.lineNo() == null ? index : line.lineNo()), nullToEmpty(line.productCode()),
                nullToEmpty(line.description()), number(line.quantity(), 0, 3) + (line.unit() == null ? "" : " " + line.unit()),
                number(line.unitPrice(), 2, 4), isPositive(line.discountPercent()) ? number(line.discountPercent(), 0, 2) : "",
                number(line.vatRate(), 0, 2), number(line.netAmount(), 2, 2));
            List<List<String>> cells = new ArrayList<>();
            int height = 1;
            for (int i = 0; i < COLUMNS.size(); i++) {
                cells.add(canvas.wrap(canvas.regular, TABLE_SIZE, values.get(i), COLUMNS.get(i).width() - 2 * CELL_PADDING));
                height = Math.max(height, cells.get(i).size());
            }
            if (canvas.ensure(height * TABLE_LEADING + 3)) {
                tableHead(canvas);
            }
            for (int row = 0; row < height; row++) {
                float baseline = canvas.y - (row + 1) * TABLE_LEADING;
                float x = MARGIN;
                for (int i = 0; i < COLUMNS.size(); i++) {
                    if (row < cells.get(i).size()) {
                        cell(canvas, canvas.regular, COLUMNS.get(i), x, baseline, cells.get(i).get(row));
                    }
                    x += COLUMNS.get(i).width();
                }
            }
            canvas.y -= height * TABLE_LEADING + 3;
        }
        canvas.rule();
    }

    private static void tableHead(Canvas canvas) throws IOException {
        canvas.y -= TABLE_LEADING;
        float x = MARGIN;
        for (Column column : COLUMNS) {
            cell(canvas, canvas.bold, column, x, canvas.y, column.heading());
            x += column.width();
        }
        canvas.y -= 4;
        canvas.rule();
    }

    private static void cell(Canvas canvas, PDFont font, Column column, float x, float baseline, String text) throws IOException {
        if (column.rightAligned()) {
            canvas.textRight(font, TABLE_SIZE, x + column.width() - CELL_PADDING, baseline, text);
        } else {
            canvas.text(font, TABLE_SIZE, x + CELL_PADDING, baseline, text);
        }
    }

    private static void totals(Canvas canvas, InvoiceDTO invoice, InvoiceParties parties) throws IOException {
        String currency = invoice.currency();
        List<TotalRow> rows = new ArrayList<>();
        for (VatSummaryLineDTO vat : invoice.vat()) {
            String rate = "(%" + number(vat.rate(), 0, 2) + ")";
            rows.add(new TotalRow("KDV Matrahı " + rate, money(vat.taxableAmount(), currency), false));
            rows.add(new TotalRow("Hesaplanan KDV " + rate, money(vat.vatAmount(), currency), false));
        }
        rows.add(new TotalRow("Net Toplam", money(invoice.netTotal(), currency), false));
        rows.add(new TotalRow("KDV Toplamı", money(invoice.vatTotal(), currency), false));
        rows.add(new TotalRow("Genel Toplam", money(invoice.total(), currency), true));
        if (parties.isForeign(currency)) {
            String base = parties.company().baseCurrency();
            rows.add(new TotalRow("Döviz Kuru", "1 " + currency + " = " + number(invoice.exchangeRate(), 4, 6) + " " + base, false));
            rows.add(new TotalRow("Genel Toplam (" + base + ")", money(invoice.baseTotal(), base), true));
        }
        canvas.y -= LEADING / 2;
        canvas.ensure(rows.size() * LEADING);
        for (TotalRow row : rows) {
            canvas.y -= LEADING;
            PDFont font = row.bold() ? canvas.bold : canvas.regular;
            canvas.textRight(font, TEXT_SIZE, RIGHT - 130, canvas.y, row.label());
            canvas.textRight(font, TEXT_SIZE, RIGHT, canvas.y, row.amount());
        }
    }

    private static void notes(Canvas canvas, String notes) throws IOException {
        if (notes == null || notes.isBlank()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        for (String paragraph : notes.split("\\R")) {
            lines.addAll(canvas.wrap(canvas.regular, TEXT_SIZE, paragraph, RIGHT - MARGIN));
        }
        canvas.y -= LEADING;
        canvas.ensure(2 * LEADING);
        canvas.y -= LEADING;
        canvas.text(canvas.bold, TEXT_SIZE, MARGIN, canvas.y, "Notlar");
        for (String line : lines) {
            canvas.ensure(LEADING);
            canvas.y -= LEADING;
            canvas.text(canvas.regular, TEXT_SIZE, MARGIN, canvas.y, line);
        }
    }

    private static String money(BigDecimal amount, String currency) {
        return number(amount, 2, 2) + " " + currency;
    }

    /** Turkish style, whatever the JVM's locale: 1.234,56. */
    private static String number(BigDecimal value, int minDecimals, int maxDecimals) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setDecimalSeparator(',');
        symbols.setGroupingSeparator('.');
        DecimalFormat format = new DecimalFormat("#,##0", symbols);
        format.setMinimumFractionDigits(minDecimals);
        format.setMaximumFractionDigits(maxDecimals);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    private static String date(LocalDate date) {
        return date == null ? null : DATE.format(date);
    }

    private static boolean isPositive(BigDecimal value) {
        return value != null && value.signum() > 0;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    /** A pen moving down the pages: {@code y} is where the last line ended; what does not fit above the footer goes on a new page. */
    private static final class Canvas {

        private final PDDocument doc;
        final PDFont regular;
        final PDFont bold;
        private PDPageContentStream content;
        float y;

        Canvas(PDDocument doc, PDFont regular, PDFont bold) throws IOException {
            this.doc = doc;
            this.regular = regular;
            this.bold = bold;
            newPage();
        }

        /** Starts a new page unless {@code height} still fits on this one; true when it started one. */
        boolean ensure(float height) throws IOException {
            if (y - height >= MARGIN + FOOTER) {
                return false;
            }
            newPage();
            return true;
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PAGE);
            doc.addPage(page);
            content = new PDPageContentStream(doc, page);
            content.setLineWidth(0.5f);
            y = PAGE.getHeight() - MARGIN;
        }

        void text(PDFont font, float size, float x, float baseline, String text) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, baseline);
            content.showText(printable(font, text));
            content.endText();
        }

        void textRight(PDFont font, float size, float right, float baseline, String text) throws IOException {
            text(font, size, right - width(font, size, text), baseline, text);
        }

        /** A hairline across the page at {@code y}. */
        void rule() throws IOException {
            content.moveTo(MARGIN, y);
            content.lineTo(RIGHT, y);
            content.stroke();
        }

        /** Breaks {@code text} into lines no wider than {@code width}: at spaces, and inside a word too long for a line. */
        List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : printable(font, text).trim().split(" +")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(font, size, candidate) <= width) {
                    line.replace(0, line.length(), candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                }
                while (width(font, size, word) > width) {
                    int cut = fittingLength(font, size, word, width);
                    lines.add(word.substring(0, cut));
                    word = word.substring(cut);
                }
                line.replace(0, line.length(), word);
            }
            lines.add(line.toString());
            return lines;
        }

        /** How much of {@code word} fits in {@code width}: at least one character, so that wrapping always moves on. */
        private int fittingLength(PDFont font, float size, String word, float width) throws IOException {
            int end = word.offsetByCodePoints(0, 1);
            while (end < word.length()) {
                int next = word.offsetByCodePoints(end, 1);
                if (width(font, size, word.substring(0, next)) > width) {
                    break;
                }
                end = next;
            }
            return end;
        }

        private static float width(PDFont font, float size, String text) throws IOException {
            return font.getStringWidth(printable(font, text)) / 1000 * size;
        }

        /** The text as the font can show it: control characters (tabs, line breaks) as spaces, characters it has no glyph for as '?'. */
        private static String printable(PDFont font, String text) throws IOException {
            StringBuilder out = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
                int codePoint = text.codePointAt(i);
                String character = Character.isISOControl(codePoint) ? " " : Character.toString(codePoint);
                out.append(hasGlyph(font, character) ? character : "?");
            }
            return out.toString();
        }

        private static boolean hasGlyph(PDFont font, String character) throws IOException {
            try {
                font.encode(character);
                return true;
            } catch (IllegalArgumentException noGlyph) {
                return false;
            }
        }

        /** Writes the document number and "Sayfa n / m" at the foot of every page, now that the number of pages is known. */
        void finish(String documentNumber) throws IOException {
            content.close();
            int pages = doc.getNumberOfPages();
            int number = 0;
            for (PDPage page : doc.getPages()) {
                number++;
                content = new PDPageContentStream(doc, page, AppendMode.APPEND, true, true);
                if (documentNumber != null) {
                    text(regular, TABLE_SIZE, MARGIN, MARGIN, documentNumber);
                }
                textRight(regular, TABLE_SIZE, RIGHT, MARGIN, "Sayfa " + number + " / " + pages);
                content.close();
            }
        }
    }
}
