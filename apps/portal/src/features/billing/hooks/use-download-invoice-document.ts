"use client";

import { type DocumentLanguage } from "@portal/domain";
import { useMutation } from "@tanstack/react-query";
import {
  downloadInvoiceDocument,
  type InvoiceDocumentKind,
} from "@/features/billing/api/invoices-api";

/** Hands `blob` to the browser as a download named `filename`. */
function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the browser keeps its own copy of the bytes.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Downloads the invoice or receipt PDF of invoice `id` in `language` through the API client (so
 * an expired access token is refreshed first, which a plain link could not do), then saves it
 * under the name the BFF gave it.
 */
export function useDownloadInvoiceDocument(id: number, language: DocumentLanguage) {
  return useMutation({
    mutationFn: (kind: InvoiceDocumentKind) => downloadInvoiceDocument(id, kind, language),
    onSuccess: ({ blob, filename }, kind) =>
      saveFile(blob, filename ?? `${kind === "pdf" ? "invoice" : "receipt"}-${id}.pdf`),
  });
}
