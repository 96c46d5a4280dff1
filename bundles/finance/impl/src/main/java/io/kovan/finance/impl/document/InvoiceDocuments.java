package io.kovan.finance.impl.document;

import java.time.LocalDate;

import io.kovan.finance.api.InvoiceDTO;
import io.kovan.kernel.api.company.CompanyDTO;
import io.kovan.kernel.api.party.PartyDTO;

/** The printable and the electronic form of an invoice, for the rest of the module. */
public final class InvoiceDocuments {

    private InvoiceDocuments() {
    }

    /** The invoice as a PDF; {@code creditedNumber}/{@code creditedDate} name a credit note's invoice, else null. */
    public static byte[] pdf(InvoiceDTO invoice, CompanyDTO company, PartyDTO seller, PartyDTO buyer, String creditedNumber, LocalDate creditedDate) {
        return InvoicePdf.render(invoice, new InvoiceParties(company, seller, buyer, creditedNumber, creditedDate));
    }

    /** The invoice as e-Fatura UBL-TR 2.1 XML. */
    public static String ubl(InvoiceDTO invoice, CompanyDTO company, PartyDTO seller, PartyDTO buyer, String creditedNumber, LocalDate creditedDate) {
        return UblTrInvoice.write(invoice, new InvoiceParties(company, seller, buyer, creditedNumber, creditedDate));
    }
}
