package io.kovan.finance.impl.document;

import static java.util.Map.entry;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import io.kovan.finance.api.InvoiceDTO;
import io.kovan.finance.api.InvoiceKind;
import io.kovan.finance.api.InvoiceLineDTO;
import io.kovan.finance.api.VatSummaryLineDTO;
import io.kovan.kernel.api.party.AddressDTO;
import io.kovan.kernel.api.party.PartyDTO;

/**
 * An invoice as an e-Fatura: UBL-TR 2.1 (customisation TR1.2, profile TEMELFATURA), its elements in
 * the order the UBL 2.1 schema demands. In UBL-TR a credit note is an invoice of type IADE that
 * refers to the invoice it credits; a supplier invoice comes out as the supplier's SATIS invoice. The
 * document is unsigned: the ext prefix is declared for the ext:UBLExtensions the signer adds (an empty
 * one would not pass the schema), and cac:Signature is the integrator's too.
 */
final class UblTrInvoice {

    private static final String INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    private static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    private static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    private static final String EXT = "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Our units as the UN/ECE Recommendation 20 codes UBL-TR takes; a unit not listed counts as pieces (C62). */
    private static final Map<String, String> UNIT_CODES = Map.ofEntries(entry("PCS", "C62"), entry("BOX", "BX"), entry("KG", "KGM"),
        entry("G", "GRM"), entry("T", "TNE"), entry("L", "LTR"), entry("M", "MTR"), entry("CM", "CMT"), entry("H", "HUR"), entry("HUR", "HUR"),
        entry("DAY", "DAY"));

    private UblTrInvoice() {
    }

    /**
     * The e-Fatura XML, to be sent as UTF-8. Refuses (IllegalArgumentException) a draft, which has no number or ETTN yet,
     * a credit note without the credited invoice's number, and a party without a VKN or TCKN.
     */
    static String write(InvoiceDTO invoice, InvoiceParties parties) {
        if (invoice.number() == null || invoice.uuid() == null) {
            throw new IllegalArgumentException("Only a posted invoice, numbered and with its ETTN, can be an e-Fatura");
        }
        if (invoice.kind() == InvoiceKind.CREDIT_NOTE && parties.creditedInvoiceNumber() == null) {
            throw new IllegalArgumentException("Credit note " + invoice.number() + " needs the number of the invoice it credits");
        }
        StringWriter out = new StringWriter();
        try {
            // The JDK's own writer: in Karaf the thread's context class loader might otherwise find another StAX implementation.
            XMLStreamWriter writer = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            writer.writeStartDocument("UTF-8", "1.0");
            document(new Ubl(writer), invoice, parties);
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Invoice " + invoice.number() + " could not be written as UBL-TR", e);
        }
        return out.toString();
    }

    private static void document(Ubl ubl, InvoiceDTO invoice, InvoiceParties parties) throws XMLStreamException {
        String currency = invoice.currency();
        boolean creditNote = invoice.kind() == InvoiceKind.CREDIT_NOTE;
        ubl.root();
        ubl.cbc("UBLVersionID", "2.1");
        ubl.cbc("CustomizationID", "TR1.2");
        ubl.cbc("ProfileID", "TEMELFATURA");
        ubl.cbc("ID", invoice.number());
        ubl.cbc("CopyIndicator", "false");
        ubl.cbc("UUID", invoice.uuid());
        ubl.cbc("IssueDate", invoice.date().toString());
        ubl.cbc("InvoiceTypeCode", creditNote ? "IADE" : "SATIS");
        ubl.cbc("Note", invoice.notes());
        ubl.cbc("DocumentCurrencyCode", currency);
        ubl.cbc("LineCountNumeric", String.valueOf(invoice.lines().size()));
        if (creditNote) {
            ubl.cac("BillingReference");
            ubl.cac("InvoiceDocumentReference");
            ubl.cbc("ID", parties.creditedInvoiceNumber());
            ubl.cbc("IssueDate", parties.creditedInvoiceDate() == null ? null : parties.creditedInvoiceDate().toString());
            ubl.end();
            ubl.end();
        }
        party(ubl, "AccountingSupplierParty", parties.seller());
        party(ubl, "AccountingCustomerParty", parties.buyer());
        if (parties.isForeign(currency)) {
            ubl.cac("PricingExchangeRate");
            ubl.cbc("SourceCurrencyCode", currency);
            ubl.cbc("TargetCurrencyCode", parties.company().baseCurrency());
            ubl.cbc("CalculationRate", plain(invoice.exchangeRate()));
            ubl.cbc("Date", invoice.date().toString());
            ubl.end();
        }
        ubl.cac("TaxTotal");
        ubl.amount("TaxAmount", invoice.vatTotal(), currency);
        for (VatSummaryLineDTO vat : invoice.vat()) {
            taxSubtotal(ubl, vat.taxableAmount(), vat.vatAmount(), vat.rate(), currency);
        }
        ubl.end();
        monetaryTotal(ubl, invoice);
        int index = 0;
        for (InvoiceLineDTO line : invoice.lines()) {
            line(ubl, line, ++index, currency);
        }
        ubl.end();
    }

    private static void party(Ubl ubl, String role, PartyDTO party) throws XMLStreamException {
        if (party.taxNumber() == null) {
            throw new IllegalArgumentException(party.name() + " has no VKN or TCKN");
        }
        String scheme = InvoiceParties.taxIdScheme(party.taxNumber());
        ubl.cac(role);
        ubl.cac("Party");
        ubl.cac("PartyIdentification");
        ubl.cbc("ID", party.taxNumber(), "schemeID", scheme);
        ubl.end();
        ubl.cac("PartyName");
        ubl.cbc("Name", party.name());
        ubl.end();
        AddressDTO address = InvoiceParties.invoiceAddress(party);
        if (address != null) {
            postalAddress(ubl, address);
        }
        if (party.taxOffice() != null) {
            ubl.cac("PartyTaxScheme");
            ubl.cac("TaxScheme");
            ubl.cbc("Name", party.taxOffice());
            ubl.end();
            ubl.end();
        }
        if (scheme.equals("TCKN")) {
            person(ubl, party.name().trim());
        }
        ubl.end();
        ubl.end();
    }

    private static void postalAddress(Ubl ubl, AddressDTO address) throws XMLStreamException {
        ubl.cac("PostalAddress");
        ubl.cbc("StreetName", address.line1());
        ubl.cbc("AdditionalStreetName", address.line2());
        ubl.cbc("CitySubdivisionName", address.district());
        ubl.cbc("CityName", address.city());
        ubl.cbc("PostalZone", address.postalCode());
        if (address.country() != null) {
            ubl.cac("Country");
            ubl.cbc("IdentificationCode", address.country());
            ubl.cbc("Name", InvoiceParties.countryName(address.country()));
            ubl.end();
        }
        ubl.end();
    }

    /** A person's given names and family name: the family name is the last word ("Ayşe Nur Güneş" → "Ayşe Nur", "Güneş"). */
    private static void person(Ubl ubl, String name) throws XMLStreamException {
        int lastSpace = name.lastIndexOf(' ');
        ubl.cac("Person");
        ubl.cbc("FirstName", lastSpace < 0 ? name : name.substring(0, lastSpace).trim());
        ubl.cbc("FamilyName", lastSpace < 0 ? null : name.substring(lastSpace + 1));
        ubl.end();
    }

    private static void taxSubtotal(Ubl ubl, BigDecimal taxable, BigDecimal tax, BigDecimal rate, String currency) throws XMLStreamException {
        ubl.cac("TaxSubtotal");
        ubl.amount("TaxableAmount", taxable, currency);
        ubl.amount("TaxAmount", tax, currency);
        ubl.cbc("Percent", plain(rate));
        ubl.cac("TaxCategory");
        ubl.cac("TaxScheme");
        ubl.cbc("Name", "KDV");
        ubl.cbc("TaxTypeCode", "0015");
        ubl.end();
        ubl.end();
        ubl.end();
    }

    /** The line discounts are reported as AllowanceTotalAmount, as Turkish viewers show it; the line amounts are already net of them. */
    private static void monetaryTotal(Ubl ubl, InvoiceDTO invoice) throws XMLStreamException {
        String currency = invoice.currency();
        BigDecimal allowances = invoice.lines().stream().map(UblTrInvoice::allowance).reduce(BigDecimal.ZERO, BigDecimal::add);
        ubl.cac("LegalMonetaryTotal");
        ubl.amount("LineExtensionAmount", invoice.netTotal(), currency);
        ubl.amount("TaxExclusiveAmount", invoice.netTotal(), currency);
        ubl.amount("TaxInclusiveAmount", invoice.total(), currency);
        if (allowances.signum() > 0) {
            ubl.amount("AllowanceTotalAmount", allowances, currency);
        }
        ubl.amount("PayableAmount", invoice.total(), currency);
        ubl.end();
    }

    private static void line(Ubl ubl, InvoiceLineDTO line, int index, String currency) throws XMLStreamException {
        ubl.cac("InvoiceLine");
        ubl.cbc("ID", String.valueOf(line.lineNo() == null ? index : line.lineNo()));
        ubl.cbc("InvoicedQuantity", plain(line.quantity()), "unitCode", unitCode(line.unit()));
        ubl.amount("LineExtensionAmount", line.netAmount(), currency);
        BigDecimal allowance = allowance(line);
        if (allowance.signum() > 0) {
            ubl.cac("AllowanceCharge");
            ubl.cbc("ChargeIndicator", "false");
            ubl.cbc("MultiplierFactorNumeric", plain(line.discountPercent().divide(HUNDRED)));
            ubl.amount("Amount", allowance, currency);
            ubl.amount("BaseAmount", gross(line), currency);
            ubl.end();
        }
        ubl.cac("TaxTotal");
        ubl.amount("TaxAmount", line.vatAmount(), currency);
        taxSubtotal(ubl, line.netAmount(), line.vatAmount(), line.vatRate(), currency);
        ubl.end();
        ubl.cac("Item");
        ubl.cbc("Name", line.description() != null ? line.description() : line.productCode());
        if (line.productCode() != null) {
            ubl.cac("SellersItemIdentification");
            ubl.cbc("ID", line.productCode());
            ubl.end();
        }
        ubl.end();
        ubl.cac("Price");
        ubl.cbc("PriceAmount", unitPrice(line.unitPrice()), "currencyID", currency);
        ubl.end();
        ubl.end();
    }

    private static BigDecimal gross(InvoiceLineDTO line) {
        return line.quantity().multiply(line.unitPrice()).setScale(2, RoundingMode.HALF_UP);
    }

    /** The line discount as the difference the line shows, so that BaseAmount − Amount is exactly its LineExtensionAmount. */
    private static BigDecimal allowance(InvoiceLineDTO line) {
        return line.discountPercent() == null || line.discountPercent().signum() <= 0 ? BigDecimal.ZERO : gross(line).subtract(line.netAmount());
    }

    private static String unitCode(String unit) {
        return unit == null ? "C62" : UNIT_CODES.getOrDefault(unit.toUpperCase(Locale.ROOT), "C62");
    }

    /** A unit price keeps the decimals it has beyond two (13.3333), or price × quantity would not give the line amount. */
    private static String unitPrice(BigDecimal price) {
        BigDecimal stripped = price.stripTrailingZeros();
        return (stripped.scale() < 2 ? stripped.setScale(2) : stripped).toPlainString();
    }

    /** A quantity, a rate or a percentage without trailing zeros: 20, 2.5, 32.5678. */
    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** Writes one element a line, indented, so that a person can read the document too. */
    private static final class Ubl {

        private final XMLStreamWriter writer;
        private int depth;

        Ubl(XMLStreamWriter writer) {
            this.writer = writer;
        }

        void root() throws XMLStreamException {
            indent();
            writer.writeStartElement("", "Invoice", INVOICE);
            writer.writeDefaultNamespace(INVOICE);
            writer.writeNamespace("cac", CAC);
            writer.writeNamespace("cbc", CBC);
            writer.writeNamespace("ext", EXT);
            depth++;
        }

        void cac(String name) throws XMLStreamException {
            indent();
            writer.writeStartElement("cac", name, CAC);
            depth++;
        }

        /** Closes the innermost open element. */
        void end() throws XMLStreamException {
            depth--;
            indent();
            writer.writeEndElement();
        }

        /** A basic element; none when {@code value} is null. */
        void cbc(String name, String value) throws XMLStreamException {
            cbc(name, value, null, null);
        }

        void cbc(String name, String value, String attribute, String attributeValue) throws XMLStreamException {
            if (value == null) {
                return;
            }
            indent();
            writer.writeStartElement("cbc", name, CBC);
            if (attribute != null) {
                writer.writeAttribute(attribute, attributeValue);
            }
            writer.writeCharacters(value);
            writer.writeEndElement();
        }

        void amount(String name, BigDecimal amount, String currency) throws XMLStreamException {
            cbc(name, amount.setScale(2, RoundingMode.HALF_UP).toPlainString(), "currencyID", currency);
        }

        private void indent() throws XMLStreamException {
            writer.writeCharacters("\n" + "  ".repeat(depth));
        }
    }
}
