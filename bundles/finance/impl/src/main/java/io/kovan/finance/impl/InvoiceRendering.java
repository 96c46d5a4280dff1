package io.kovan.finance.impl;

import java.time.LocalDate;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.finance.api.InvoiceDTO;
import io.kovan.finance.api.InvoiceKind;
import io.kovan.finance.api.InvoiceService;
import io.kovan.finance.impl.document.InvoiceDocuments;
import io.kovan.kernel.api.ConflictException;
import io.kovan.kernel.api.company.CompanyDTO;
import io.kovan.kernel.api.party.PartyDTO;

/** An invoice's PDF and e-Fatura XML, with the seller and buyer in their roles. Drafts have no number, so they are not rendered. */
@Component(service = InvoiceRendering.class)
public class InvoiceRendering {

    private final InvoiceService invoices;
    private final Company company;

    @Activate
    public InvoiceRendering(@Reference InvoiceService invoices, @Reference Company company) {
        this.invoices = invoices;
        this.company = company;
    }

    public byte[] pdf(long id) {
        Parts p = parts(id);
        return InvoiceDocuments.pdf(p.invoice, p.company, p.seller, p.buyer, p.creditedNumber, p.creditedDate);
    }

    public String ubl(long id) {
        Parts p = parts(id);
        if (p.invoice.kind() == InvoiceKind.SUPPLIER_INVOICE) {
            throw new ConflictException("A supplier invoice is the supplier's e-Fatura; Kovan issues customer invoices and credit notes");
        }
        try {
            return InvoiceDocuments.ubl(p.invoice, p.company, p.seller, p.buyer, p.creditedNumber, p.creditedDate);
        } catch (IllegalArgumentException e) {
            // What GİB needs and the master data lacks (a VKN, say): the user can mend it.
            throw new ConflictException(e.getMessage() + "; an e-Fatura needs it");
        }
    }

    private record Parts(InvoiceDTO invoice, CompanyDTO company, PartyDTO seller, PartyDTO buyer, String creditedNumber, LocalDate creditedDate) {
    }

    private Parts parts(long id) {
        InvoiceDTO invoice = invoices.get(id);
        if (invoice.number() == null) {
            throw new ConflictException("Invoice " + id + " is a draft; post it to print it");
        }
        CompanyDTO c = company.company();
        PartyDTO us = company.party(c.partyId());
        PartyDTO them = company.party(invoice.partyId());
        boolean bought = invoice.kind() == InvoiceKind.SUPPLIER_INVOICE;
        InvoiceDTO credited = invoice.creditedInvoiceId() == null ? null : invoices.get(invoice.creditedInvoiceId());
        return new Parts(invoice, c, bought ? them : us, bought ? us : them, credited == null ? null : credited.number(),
            credited == null ? null : credited.date());
    }
}
