package io.kovan.finance.impl.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URL;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import io.kovan.finance.api.InvoiceDTO;
import io.kovan.finance.api.InvoiceKind;
import io.kovan.finance.api.InvoiceLineDTO;
import io.kovan.finance.api.VatSummaryLineDTO;
import io.kovan.kernel.api.company.CompanyDTO;
import io.kovan.kernel.api.party.AddressDTO;
import io.kovan.kernel.api.party.PartyDTO;
import io.kovan.kernel.api.party.PartyKind;
import io.kovan.kernel.api.party.PartyRole;

/** Writes e-Fatura documents, validates them against the UBL 2.1 Invoice schema (offline) and reads figures back by XPath. */
class UblTrInvoiceTest {

    private static final CompanyDTO COMPANY = new CompanyDTO(1L, 10L, "Kovan Yazılım A.Ş.", "1234567890", "TRY");
    private static final PartyDTO SELLER = party(PartyKind.ORGANIZATION, "Kovan Yazılım A.Ş.", "Kadıköy", "1234567890",
        new AddressDTO("BILLING", "Caferağa Mah. Moda Cad. No: 12", null, "Kadıköy", "İstanbul", "34710", "TR"));
    private static final PartyDTO BUYER = party(PartyKind.ORGANIZATION, "Çağrı Öztürk Ltd. Şti.", "Şişli", "9876543210",
        new AddressDTO("BILLING", "Halaskargazi Cad. No: 5", "Kat 3", "Şişli", "İstanbul", "34371", "TR"));
    private static final InvoiceParties PARTIES = new InvoiceParties(COMPANY, SELLER, BUYER);
    private static final BigDecimal VAT_20 = new BigDecimal("20");
    private static final BigDecimal VAT_10 = new BigDecimal("10");
    private static final BigDecimal VAT_1 = new BigDecimal("1");
    private static final Map<String, String> NAMESPACES = Map.of("inv", "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2", "cac",
        "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2", "cbc",
        "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2");

    private static Schema invoiceSchema;

    /** From the ph-ubl21 and ph-xsds jars; their Invoice XSD imports these namespaces without a location, so they come first. */
    @BeforeAll
    static void loadSchema() throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar"); // jar: URLs count as file; no http, so never the network
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        invoiceSchema = factory.newSchema(new Source[] { schemaSource("schemas/xmldsig-core-schema.xsd"),
            schemaSource("schemas/XAdES01903v132-201601.xsd"), schemaSource("schemas/XAdES01903v141-201601.xsd"),
            schemaSource("schemas/CCTS_CCT_SchemaModule.xsd"), schemaSource("external/schemas/ubl21/maindoc/UBL-Invoice-2.1.xsd") });
    }

    private static Source schemaSource(String resource) throws IOException {
        URL url = UblTrInvoiceTest.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException(resource + " is not on the test class path");
        }
        // The jar: URL as system id, so that the schema's relative imports resolve inside its jar.
        return new StreamSource(url.openStream(), url.toExternalForm());
    }

    @Test
    void aTryInvoiceOfThreeRatesWithADiscountPassesTheSchemaWithItsFigures() throws Exception {
        String xml = UblTrInvoice.write(multiRateInvoice(), PARTIES);

        assertEquals(List.of(), schemaViolations(xml));
        Document doc = parse(xml);
        assertEquals("2.1", value(doc, "/inv:Invoice/cbc:UBLVersionID"));
        assertEquals("TR1.2", value(doc, "/inv:Invoice/cbc:CustomizationID"));
        assertEquals("TEMELFATURA", value(doc, "/inv:Invoice/cbc:ProfileID"));
        assertEquals("INV-2026-000123", value(doc, "/inv:Invoice/cbc:ID"));
        assertEquals("SATIS", value(doc, "/inv:Invoice/cbc:InvoiceTypeCode"));
        assertEquals("2026-01-15", value(doc, "/inv:Invoice/cbc:IssueDate"));
        assertEquals("5", value(doc, "/inv:Invoice/cbc:LineCountNumeric"));
        assertEquals("9876543210", value(doc, "//cac:AccountingCustomerParty/cac:Party/cac:PartyIdentification/cbc:ID[@schemeID='VKN']"));
        assertEquals("1234567890", value(doc, "//cac:AccountingSupplierParty/cac:Party/cac:PartyIdentification/cbc:ID[@schemeID='VKN']"));
        assertEquals("Şişli", value(doc, "//cac:AccountingCustomerParty//cac:PostalAddress/cbc:CitySubdivisionName"));
        assertEquals("Türkiye", value(doc, "//cac:AccountingCustomerParty//cac:PostalAddress/cac:Country/cbc:Name"));
        assertEquals("Şişli", value(doc, "//cac:AccountingCustomerParty//cac:PartyTaxScheme/cac:TaxScheme/cbc:Name"));
        assertEquals("0", value(doc, "count(//cac:Person)"));
        assertEquals("0", value(doc, "count(//cac:PricingExchangeRate)"));

        String taxTotal = "/inv:Invoice/cac:TaxTotal";
        assertEquals("5993.67", value(doc, taxTotal + "/cbc:TaxAmount"));
        assertEquals("3", value(doc, "count(" + taxTotal + "/cac:TaxSubtotal)"));
        assertEquals("29643.33", value(doc, taxTotal + "/cac:TaxSubtotal[cbc:Percent='20']/cbc:TaxableAmount"));
        assertEquals("5928.67", value(doc, taxTotal + "/cac:TaxSubtotal[cbc:Percent='20']/cbc:TaxAmount"));
        assertEquals("60.00", value(doc, taxTotal + "/cac:TaxSubtotal[cbc:Percent='10']/cbc:TaxAmount"));
        assertEquals("5.00", value(doc, taxTotal + "/cac:TaxSubtotal[cbc:Percent='1']/cbc:TaxAmount"));
        assertEquals("KDV", value(doc, taxTotal + "/cac:TaxSubtotal[cbc:Percent='1']/cac:TaxCategory/cac:TaxScheme/cbc:Name"));
        assertEquals("0015", value(doc, taxTotal + "/cac:TaxSubtotal[cbc:Percent='1']/cac:TaxCategory/cac:TaxScheme/cbc:TaxTypeCode"));

        String totals = "/inv:Invoice/cac:LegalMonetaryTotal";
        assertEquals("30743.33", value(doc, totals + "/cbc:LineExtensionAmount"));
        assertEquals("30743.33", value(doc, totals + "/cbc:TaxExclusiveAmount"));
        assertEquals("36737.00", value(doc, totals + "/cbc:TaxInclusiveAmount"));
        assertEquals("3000.00", value(doc, totals + "/cbc:AllowanceTotalAmount"));
        assertEquals("36737.00", value(doc, totals + "/cbc:PayableAmount"));
        assertEquals("TRY", value(doc, totals + "/cbc:PayableAmount/@currencyID"));

        String discounted = "/inv:Invoice/cac:InvoiceLine[cbc:ID='1']";
        assertEquals("27000.00", value(doc, discounted + "/cbc:LineExtensionAmount"));
        assertEquals("false", value(doc, discounted + "/cac:AllowanceCharge/cbc:ChargeIndicator"));
        assertEquals("0.1", value(doc, discounted + "/cac:AllowanceCharge/cbc:MultiplierFactorNumeric"));
        assertEquals("3000.00", value(doc, discounted + "/cac:AllowanceCharge/cbc:Amount"));
        assertEquals("30000.00", value(doc, discounted + "/cac:AllowanceCharge/cbc:BaseAmount"));
        assertEquals("PRD-001", value(doc, discounted + "/cac:Item/cac:SellersItemIdentification/cbc:ID"));
        assertEquals("Dizüstü bilgisayar", value(doc, discounted + "/cac:Item/cbc:Name"));
        assertEquals("1", value(doc, "count(//cac:AllowanceCharge)"));
        assertEquals("12.5", value(doc, "/inv:Invoice/cac:InvoiceLine[cbc:ID='3']/cbc:InvoicedQuantity"));
        assertEquals("KGM", value(doc, "/inv:Invoice/cac:InvoiceLine[cbc:ID='3']/cbc:InvoicedQuantity/@unitCode"));
        assertEquals("HUR", value(doc, "/inv:Invoice/cac:InvoiceLine[cbc:ID='4']/cbc:InvoicedQuantity/@unitCode"));
        assertEquals("C62", value(doc, "/inv:Invoice/cac:InvoiceLine[cbc:ID='5']/cbc:InvoicedQuantity/@unitCode"));
        assertEquals("13.3333", value(doc, "/inv:Invoice/cac:InvoiceLine[cbc:ID='5']/cac:Price/cbc:PriceAmount"));
        assertEquals("18.67", value(doc, "/inv:Invoice/cac:InvoiceLine[cbc:ID='5']/cac:TaxTotal/cbc:TaxAmount"));
        assertEquals("0", value(doc, "count(//cbc:*[contains(local-name(), 'Amount')][not(@currencyID = 'TRY')])"));
    }

    @Test
    void aUsdInvoiceCarriesThePricingExchangeRateAndPassesTheSchema() throws Exception {
        // 10 × 125.00 = 1,250.00 USD, VAT 20 % = 250.00, 1,500.00 USD at 32.5678.
        InvoiceDTO invoice = invoice("INV-2026-000124", InvoiceKind.CUSTOMER_INVOICE, "USD", new BigDecimal("32.5678"),
            List.of(line(1, "SRV-9", "Yazılım lisansı", "10", "PCS", "125.00", null, "1250.00", VAT_20, "250.00")),
            List.of(vat(VAT_20, "1250.00", "250.00")), "1250.00", "250.00", "1500.00", "48851.70");

        String xml = UblTrInvoice.write(invoice, PARTIES);

        assertEquals(List.of(), schemaViolations(xml));
        Document doc = parse(xml);
        assertEquals("USD", value(doc, "/inv:Invoice/cbc:DocumentCurrencyCode"));
        assertEquals("USD", value(doc, "/inv:Invoice/cac:PricingExchangeRate/cbc:SourceCurrencyCode"));
        assertEquals("TRY", value(doc, "/inv:Invoice/cac:PricingExchangeRate/cbc:TargetCurrencyCode"));
        assertEquals("32.5678", value(doc, "/inv:Invoice/cac:PricingExchangeRate/cbc:CalculationRate"));
        assertEquals("1500.00", value(doc, "/inv:Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount"));
        assertEquals("0", value(doc, "count(//cbc:*[contains(local-name(), 'Amount')][not(@currencyID = 'USD')])"));
        assertEquals("0", value(doc, "count(//cbc:AllowanceTotalAmount)"));
    }

    @Test
    void aCreditNoteIsAnIadeInvoiceReferringToTheCreditedInvoice() throws Exception {
        // 2 × 60.00 = 120.00 less 12.5 % = 105.00, VAT 10 % = 10.50.
        InvoiceDTO creditNote = invoice("CN-2026-000007", InvoiceKind.CREDIT_NOTE, "TRY", null,
            List.of(line(1, "PRD-002", "Kitap: Türk Edebiyatı (iade)", "2", "PCS", "60.00", "12.5", "105.00", VAT_10, "10.50")),
            List.of(vat(VAT_10, "105.00", "10.50")), "105.00", "10.50", "115.50", "115.50");

        String xml = UblTrInvoice.write(creditNote, new InvoiceParties(COMPANY, SELLER, BUYER, "INV-2026-000123", LocalDate.of(2026, 1, 15)));

        assertEquals(List.of(), schemaViolations(xml));
        Document doc = parse(xml);
        assertEquals("IADE", value(doc, "/inv:Invoice/cbc:InvoiceTypeCode"));
        assertEquals("INV-2026-000123", value(doc, "/inv:Invoice/cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID"));
        assertEquals("2026-01-15", value(doc, "/inv:Invoice/cac:BillingReference/cac:InvoiceDocumentReference/cbc:IssueDate"));
        assertEquals("15.00", value(doc, "/inv:Invoice/cac:LegalMonetaryTotal/cbc:AllowanceTotalAmount"));
        assertEquals("0.125", value(doc, "//cac:InvoiceLine/cac:AllowanceCharge/cbc:MultiplierFactorNumeric"));
        assertEquals("115.50", value(doc, "/inv:Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount"));
    }

    @Test
    void aCreditNoteWithoutTheCreditedInvoiceNumberIsRefused() {
        InvoiceDTO creditNote = invoice("CN-2026-000008", InvoiceKind.CREDIT_NOTE, "TRY", null,
            List.of(line(1, "PRD-002", "Kitap", "1", "PCS", "60.00", null, "60.00", VAT_10, "6.00")), List.of(vat(VAT_10, "60.00", "6.00")), "60.00",
            "6.00", "66.00", "66.00");

        assertThrows(IllegalArgumentException.class, () -> UblTrInvoice.write(creditNote, PARTIES));
    }

    @Test
    void aPersonBuyerIsIdentifiedByTcknAndNamedAsAPerson() throws Exception {
        PartyDTO person = party(PartyKind.PERSON, "Ayşe Nur Güneş", null, "12345678901",
            new AddressDTO("BILLING", "Atatürk Bulvarı No: 1", null, "Çankaya", "Ankara", "06690", "TR"));
        InvoiceDTO invoice = invoice("INV-2026-000125", InvoiceKind.CUSTOMER_INVOICE, "TRY", null,
            List.of(line(1, "PRD-003", "Ekmek", "2", "KG", "40.00", null, "80.00", VAT_1, "0.80")), List.of(vat(VAT_1, "80.00", "0.80")), "80.00",
            "0.80", "80.80", "80.80");

        String xml = UblTrInvoice.write(invoice, new InvoiceParties(COMPANY, SELLER, person));

        assertEquals(List.of(), schemaViolations(xml));
        Document doc = parse(xml);
        String customer = "//cac:AccountingCustomerParty/cac:Party";
        assertEquals("TCKN", value(doc, customer + "/cac:PartyIdentification/cbc:ID/@schemeID"));
        assertEquals("12345678901", value(doc, customer + "/cac:PartyIdentification/cbc:ID"));
        assertEquals("Ayşe Nur", value(doc, customer + "/cac:Person/cbc:FirstName"));
        assertEquals("Güneş", value(doc, customer + "/cac:Person/cbc:FamilyName"));
        assertEquals("0", value(doc, "count(" + customer + "/cac:PartyTaxScheme)"));
        assertEquals("VKN", value(doc, "//cac:AccountingSupplierParty/cac:Party/cac:PartyIdentification/cbc:ID/@schemeID"));
        assertEquals("0", value(doc, "count(//cac:AccountingSupplierParty//cac:Person)"));
    }

    @Test
    void theSchemaCheckRejectsAnInvoiceWithoutItsIssueDate() throws Exception {
        String produced = UblTrInvoice.write(multiRateInvoice(), PARTIES);
        String broken = produced.replaceFirst("\\s*<cbc:IssueDate>[^<]*</cbc:IssueDate>", "");

        assertNotEquals(produced, broken);
        assertFalse(broken.contains("<cbc:IssueDate>"));
        List<String> violations = schemaViolations(broken);
        assertFalse(violations.isEmpty(), "an invoice without IssueDate passed the schema");
        assertTrue(violations.stream().anyMatch(v -> v.contains("IssueDate")), () -> "no complaint about IssueDate: " + violations);
    }

    /**
     * Five lines: 2 × 15,000.00 less 10 % = 27,000.00 (VAT 20 %: 5,400.00); 5 × 120.00 = 600.00 (10 %: 60.00);
     * 12.5 kg × 40.00 = 500.00 (1 %: 5.00); 3 h × 850.00 = 2,550.00 (20 %: 510.00); 7 × 13.3333 = 93.33 (20 %: 18.67).
     * At 20 % 29,643.33 and 5,928.67; net 30,743.33, VAT 5,993.67, total 36,737.00; discounts 3,000.00.
     */
    private static InvoiceDTO multiRateInvoice() {
        List<InvoiceLineDTO> lines = List.of(line(1, "PRD-001", "Dizüstü bilgisayar", "2", "PCS", "15000.00", "10", "27000.00", VAT_20, "5400.00"),
            line(2, "PRD-002", "Kitap: Türk Edebiyatı", "5", "PCS", "120.00", null, "600.00", VAT_10, "60.00"),
            line(3, "PRD-003", "Ekmek", "12.500", "KG", "40.0000", null, "500.00", VAT_1, "5.00"),
            line(4, "SRV-001", "Kurulum hizmeti", "3", "H", "850.00", "0", "2550.00", VAT_20, "510.00"),
            line(5, null, "Sarf malzemesi ğüşıöç", "7", null, "13.3333", null, "93.33", VAT_20, "18.67"));
        List<VatSummaryLineDTO> vat = List.of(vat(VAT_20, "29643.33", "5928.67"), vat(VAT_10, "600.00", "60.00"), vat(VAT_1, "500.00", "5.00"));
        return invoice("INV-2026-000123", InvoiceKind.CUSTOMER_INVOICE, "TRY", null, lines, vat, "30743.33", "5993.67", "36737.00", "36737.00");
    }

    private static List<String> schemaViolations(String xml) throws IOException, SAXException {
        Validator validator = invoiceSchema.newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        List<String> violations = new ArrayList<>();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                violations.add("warning, line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void error(SAXParseException e) {
                violations.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                throw e;
            }
        });
        validator.validate(new StreamSource(new StringReader(xml)));
        return violations;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static String value(Document doc, String expression) throws Exception {
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return NAMESPACES.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
            }

            @Override
            public String getPrefix(String namespaceURI) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Iterator<String> getPrefixes(String namespaceURI) {
                throw new UnsupportedOperationException();
            }
        });
        return xpath.evaluate(expression, doc);
    }

    private static PartyDTO party(PartyKind kind, String name, String taxOffice, String taxNumber, AddressDTO address) {
        return new PartyDTO(null, null, kind, name, Set.of(PartyRole.CUSTOMER), taxOffice, taxNumber, List.of(address), List.of(), null, null, 30,
            null, null, 0L, null, null);
    }

    private static VatSummaryLineDTO vat(BigDecimal rate, String taxable, String tax) {
        return new VatSummaryLineDTO(rate, new BigDecimal(taxable), new BigDecimal(tax));
    }

    private static InvoiceLineDTO line(int no, String code, String description, String quantity, String unit, String unitPrice, String discountPercent,
        String net, BigDecimal vatRate, String vat) {
        BigDecimal netAmount = new BigDecimal(net);
        BigDecimal vatAmount = new BigDecimal(vat);
        return new InvoiceLineDTO(null, no, null, code, description, unit, new BigDecimal(quantity), new BigDecimal(unitPrice),
            discountPercent == null ? null : new BigDecimal(discountPercent), netAmount, vatRate, vatAmount, netAmount.add(vatAmount), null, null, null,
            null);
    }

    private static InvoiceDTO invoice(String number, InvoiceKind kind, String currency, BigDecimal exchangeRate, List<InvoiceLineDTO> lines,
        List<VatSummaryLineDTO> vat, String net, String vatTotal, String total, String baseTotal) {
        return new InvoiceDTO(1L, number, kind, "posted", 20L, BUYER.name(), LocalDate.of(2026, 1, 15), LocalDate.of(2026, 2, 14), currency,
            exchangeRate, lines, vat, new BigDecimal(net), new BigDecimal(vatTotal), new BigDecimal(total), new BigDecimal(baseTotal), BigDecimal.ZERO,
            new BigDecimal(total), 5L, null, null, null, null, "3f1c2b7e-9a4d-4e2f-8b1a-5c6d7e8f9a0b", null, 0L, null);
    }
}
