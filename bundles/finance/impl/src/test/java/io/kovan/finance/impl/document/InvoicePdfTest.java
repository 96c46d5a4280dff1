package io.kovan.finance.impl.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import io.kovan.finance.api.InvoiceDTO;
import io.kovan.finance.api.InvoiceKind;
import io.kovan.finance.api.InvoiceLineDTO;
import io.kovan.finance.api.VatSummaryLineDTO;
import io.kovan.kernel.api.company.CompanyDTO;
import io.kovan.kernel.api.party.AddressDTO;
import io.kovan.kernel.api.party.PartyDTO;
import io.kovan.kernel.api.party.PartyKind;
import io.kovan.kernel.api.party.PartyRole;

/** Renders invoices and reads the text back out of the PDF, figures worked out by hand. */
class InvoicePdfTest {

    private static final CompanyDTO COMPANY = new CompanyDTO(1L, 10L, "Kovan Yazılım A.Ş.", "1234567890", "TRY");
    private static final PartyDTO SELLER = organisation("Kovan Yazılım A.Ş.", "Kadıköy", "1234567890",
        new AddressDTO("BILLING", "Caferağa Mah. Moda Cad. No: 12", null, "Kadıköy", "İstanbul", "34710", "TR"));
    private static final PartyDTO BUYER = organisation("Çağrı Öztürk Ltd. Şti.", "Şişli", "9876543210",
        new AddressDTO("BILLING", "Halaskargazi Cad. No: 5 (ğüşıöç)", null, "Şişli", "İstanbul", "34371", "TR"));
    private static final InvoiceParties PARTIES = new InvoiceParties(COMPANY, SELLER, BUYER);

    @Test
    void aLongInvoiceFlowsOverPagesAndKeepsItsTurkishLettersAndTotals() throws IOException {
        // 120 lines of 3 × 33.50 = 100.50, VAT rates 20, 10, 1 in turn, 40 lines each: a base of 4,020.00 per rate;
        // VAT a line 20.10, 10.05 and 1.01 (1.005 half up), so 804.00 + 402.00 + 40.40 = 1,246.40 on 12,060.00.
        BigDecimal[] rates = { new BigDecimal("20"), new BigDecimal("10"), new BigDecimal("1") };
        BigDecimal[] lineVat = { new BigDecimal("20.10"), new BigDecimal("10.05"), new BigDecimal("1.01") };
        List<InvoiceLineDTO> lines = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            lines.add(line(i, "PRD-" + i, "Ürün " + i + " ğüşıöç", "3", "PCS", "33.50", null, "100.50", rates[(i - 1) % 3], lineVat[(i - 1) % 3]));
        }
        List<VatSummaryLineDTO> vat = List.of(new VatSummaryLineDTO(rates[0], new BigDecimal("4020.00"), new BigDecimal("804.00")),
            new VatSummaryLineDTO(rates[1], new BigDecimal("4020.00"), new BigDecimal("402.00")),
            new VatSummaryLineDTO(rates[2], new BigDecimal("4020.00"), new BigDecimal("40.40")));
        InvoiceDTO invoice = invoice("INV-2026-000123", InvoiceKind.CUSTOMER_INVOICE, "TRY", null, lines, vat, "12060.00", "1246.40", "13306.40",
            "13306.40");

        int pages;
        String text;
        try (PDDocument pdf = Loader.loadPDF(render(invoice, PARTIES))) {
            pages = pdf.getNumberOfPages();
            text = new PDFTextStripper().getText(pdf);
        }

        assertTrue(pages > 1, "120 lines on " + pages + " page(s)");
        assertEquals("FATURA", text.lines().findFirst().orElseThrow());
        assertContains(text, "INV-2026-000123", "15.01.2026", "14.02.2026", "3f1c2b7e-9a4d-4e2f-8b1a-5c6d7e8f9a0b");
        assertContains(text, "Çağrı Öztürk Ltd. Şti.", "Halaskargazi Cad. No: 5 (ğüşıöç)", "34371 Şişli / İstanbul", "Türkiye",
            "Vergi Dairesi: Şişli", "VKN: 9876543210");
        assertContains(text, "Ürün 1 ğüşıöç", "Ürün 120 ğüşıöç", "3 PCS", "33,50", "100,50");
        assertContains(text, "KDV Matrahı (%20)", "Hesaplanan KDV (%10)", "Hesaplanan KDV (%1)", "4.020,00 TRY", "40,40 TRY");
        assertContains(text, "12.060,00 TRY", "1.246,40 TRY", "13.306,40 TRY", "Sayfa " + pages + " / " + pages);
        assertFalse(text.contains("Döviz Kuru"), "a TRY invoice of a TRY company shows no exchange rate");
    }

    @Test
    void aForeignCurrencyInvoiceShowsTheRateAndTheTotalInTheBaseCurrency() throws IOException {
        // 10 × 125.00 = 1,250.00 USD, VAT 20 % = 250.00, 1,500.00 USD × 32.5678 = 48,851.70 TRY.
        BigDecimal rate = new BigDecimal("20");
        InvoiceDTO invoice = invoice("INV-2026-000124", InvoiceKind.CUSTOMER_INVOICE, "USD", new BigDecimal("32.5678"),
            List.of(line(1, "SRV-9", "Yazılım lisansı", "10", "PCS", "125.00", "0", "1250.00", rate, new BigDecimal("250.00"))),
            List.of(new VatSummaryLineDTO(rate, new BigDecimal("1250.00"), new BigDecimal("250.00"))), "1250.00", "250.00", "1500.00", "48851.70");

        String text = text(render(invoice, PARTIES));

        assertContains(text, "1.250,00 USD", "1.500,00 USD", "Döviz Kuru", "1 USD = 32,5678 TRY", "Genel Toplam (TRY)", "48.851,70 TRY");
    }

    @Test
    void aCreditNoteIsTitledSoAndNamesTheInvoiceItCredits() throws IOException {
        BigDecimal rate = new BigDecimal("10");
        InvoiceDTO creditNote = invoice("CN-2026-000007", InvoiceKind.CREDIT_NOTE, "TRY", null,
            List.of(line(1, "PRD-2", "İade: kitap", "2", "PCS", "60.00", "12.5", "105.00", rate, new BigDecimal("10.50"))),
            List.of(new VatSummaryLineDTO(rate, new BigDecimal("105.00"), new BigDecimal("10.50"))), "105.00", "10.50", "115.50", "115.50");

        String text = text(render(creditNote, new InvoiceParties(COMPANY, SELLER, BUYER, "INV-2026-000123", LocalDate.of(2026, 1, 15))));

        assertContains(text, "İADE FATURASI", "CN-2026-000007", "İade Edilen Fatura", "INV-2026-000123 (15.01.2026)", "12,5", "115,50 TRY");
        assertFalse(text.contains("ALIŞ FATURASI"));
    }

    private static byte[] render(InvoiceDTO invoice, InvoiceParties parties) {
        // The fonts come from the bundle's own /fonts, where bnd.bnd puts them (bnd-process copies them into target/classes too).
        return InvoicePdf.render(invoice, parties);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(1, document.getNumberOfPages());
            return new PDFTextStripper().getText(document);
        }
    }

    private static void assertContains(String text, String... expected) {
        for (String part : expected) {
            assertTrue(text.contains(part), () -> "the PDF lacks \"" + part + "\"");
        }
    }

    private static PartyDTO organisation(String name, String taxOffice, String vkn, AddressDTO address) {
        return new PartyDTO(null, null, PartyKind.ORGANIZATION, name, Set.of(PartyRole.CUSTOMER), taxOffice, vkn, List.of(address), List.of(), null,
            null, 30, null, null, 0L, null, null);
    }

    private static InvoiceLineDTO line(int no, String code, String description, String quantity, String unit, String unitPrice, String discountPercent,
        String net, BigDecimal vatRate, BigDecimal vat) {
        BigDecimal netAmount = new BigDecimal(net);
        return new InvoiceLineDTO(null, no, null, code, description, unit, new BigDecimal(quantity), new BigDecimal(unitPrice),
            discountPercent == null ? null : new BigDecimal(discountPercent), netAmount, vatRate, vat, netAmount.add(vat), null, null, null, null);
    }

    private static InvoiceDTO invoice(String number, InvoiceKind kind, String currency, BigDecimal exchangeRate, List<InvoiceLineDTO> lines,
        List<VatSummaryLineDTO> vat, String net, String vatTotal, String total, String baseTotal) {
        return new InvoiceDTO(1L, number, kind, "posted", 20L, BUYER.name(), LocalDate.of(2026, 1, 15), LocalDate.of(2026, 2, 14), currency,
            exchangeRate, lines, vat, new BigDecimal(net), new BigDecimal(vatTotal), new BigDecimal(total), new BigDecimal(baseTotal), BigDecimal.ZERO,
            new BigDecimal(total), 5L, null, null, null, null, "3f1c2b7e-9a4d-4e2f-8b1a-5c6d7e8f9a0b", null, 0L, null);
    }
}
