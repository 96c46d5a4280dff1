package io.kovan.finance.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;

/**
 * Collections and payments. Never more is allocated from a payment than its amount, nor to an
 * invoice than it is open for, whatever the concurrency: each is one conditional update. List
 * filters: {@code direction}, {@code party}, {@code from}, {@code to}.
 *
 * @since 1.0
 */
@ProviderType
public interface PaymentService {

    String DOCUMENT_TYPE = "finance.payment";

    PaymentDTO create(PaymentDTO payment);

    /** Allocates more of a payment's unallocated amount to invoices. */
    PaymentDTO allocate(long id, List<AllocationDTO> allocations);

    PaymentDTO get(long id);

    Page<PaymentDTO> list(PageRequest request);
}
