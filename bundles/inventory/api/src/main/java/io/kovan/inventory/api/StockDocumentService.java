package io.kovan.inventory.api;

import org.osgi.annotation.versioning.ProviderType;

import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;

/**
 * Inventory's own documents: receipts, transfers, counts and adjustments. Each is created as DRAFT, changed
 * while DRAFT, then posted (writing its moves, numbered, linked in the document flow) or cancelled.
 * <p>
 * List filters: {@code state}, {@code warehouse} (receipts), {@code location}, {@code from}, {@code to}.
 *
 * @since 1.0
 */
@ProviderType
public interface StockDocumentService {

    ReceiptDTO createReceipt(ReceiptDTO receipt);

    ReceiptDTO updateReceipt(long id, ReceiptDTO receipt);

    ReceiptDTO receipt(long id);

    Page<ReceiptDTO> receipts(PageRequest request);

    ReceiptDTO postReceipt(long id);

    ReceiptDTO cancelReceipt(long id);

    TransferDTO createTransfer(TransferDTO transfer);

    TransferDTO transfer(long id);

    Page<TransferDTO> transfers(PageRequest request);

    TransferDTO postTransfer(long id);

    TransferDTO cancelTransfer(long id);

    CountDTO createCount(CountDTO count);

    CountDTO updateCount(long id, CountDTO count);

    CountDTO count(long id);

    Page<CountDTO> counts(PageRequest request);

    CountDTO postCount(long id);

    CountDTO cancelCount(long id);

    AdjustmentDTO createAdjustment(AdjustmentDTO adjustment);

    AdjustmentDTO adjustment(long id);

    Page<AdjustmentDTO> adjustments(PageRequest request);

    AdjustmentDTO postAdjustment(long id);

    AdjustmentDTO cancelAdjustment(long id);
}
