package io.kovan.kernel.api.document;

import java.util.List;

/**
 * Every document connected to {@code start}, in both directions, and the links between them.
 * Documents are ordered by date, then type and id; links by where they come from.
 */
public record DocumentFlowDTO(DocumentDTO start, List<DocumentDTO> documents, List<DocumentLinkDTO> links) {
}
