<?php
/**
 * Customer portal webhook for WHMCS.
 *
 * Tells the customer portal (its BFF, POST /api/webhooks/whmcs) when an invoice is created, paid,
 * cancelled or refunded, when a client is edited, or when a client's card or bank details are
 * stored (PayMethodChanged), so the portal drops its cached copies.
 * Body: {"event","clientId","invoiceId"?,"occurredAt"} (JSON, occurredAt ISO 8601 UTC).
 * Headers: X-Portal-Timestamp: <unix seconds>,
 *          X-Portal-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>.
 * The same contract is implemented in TypeScript by @portal/whmcs (signWebhook /
 * verifyWebhookSignature); see docs/architecture/wiring.md "Webhook from the WHMCS hook".
 *
 * Settings, each read from a PHP constant (e.g. define()d in configuration.php) or else from the
 * environment of the PHP process:
 *   PORTAL_WEBHOOK_URL     e.g. https://portal.example.jp/api/webhooks/whmcs
 *   PORTAL_WEBHOOK_SECRET  the BFF's WHMCS_WEBHOOK_SECRET (at least 32 characters)
 *
 * Hook points and their variables: WHMCS developer docs, hooks-reference/invoices-and-quotes.md
 * (InvoiceCreated, InvoicePaid, InvoiceCancelled, InvoiceRefunded), hooks-reference/client.md
 * (ClientEdit) and hooks-reference/everything-else.md (CCUpdate: "after CC details have been
 * stored for a client or the remote storage functions completed"). WHMCS documents no hook point
 * for removing a pay method or changing the default; the portal's 15-minute cache of payment
 * methods covers those (decision 0055). Install: see README.md beside this file.
 */

if (!defined('WHMCS')) {
    die('This file cannot be accessed directly');
}

/** Connection and total time limits, in seconds: hooks run inside the WHMCS request. */
const PORTAL_WEBHOOK_CONNECT_TIMEOUT = 3;
const PORTAL_WEBHOOK_TIMEOUT = 5;

/**
 * A setting from a PHP constant, else from the environment; null when unset or empty.
 */
function portal_webhook_setting(string $name): ?string
{
    $value = defined($name) ? constant($name) : getenv($name);
    return is_string($value) && $value !== '' ? $value : null;
}

/**
 * Posts one signed event to the portal. Failures are written to the WHMCS Activity Log and never
 * interrupt the WHMCS action that fired the hook; the portal's caches expire on their own, so a
 * lost event only delays freshness.
 */
function portal_webhook_send(string $event, int $clientId, ?int $invoiceId): void
{
    $url = portal_webhook_setting('PORTAL_WEBHOOK_URL');
    $secret = portal_webhook_setting('PORTAL_WEBHOOK_SECRET');
    if ($url === null || $secret === null) {
        logActivity("Portal webhook: PORTAL_WEBHOOK_URL or PORTAL_WEBHOOK_SECRET is not set; {$event} not sent");
        return;
    }

    $payload = ['event' => $event, 'clientId' => $clientId];
    if ($invoiceId !== null) {
        $payload['invoiceId'] = $invoiceId;
    }
    $payload['occurredAt'] = gmdate('Y-m-d\TH:i:s\Z');
    $body = json_encode($payload, JSON_UNESCAPED_SLASHES);
    if ($body === false) {
        logActivity("Portal webhook: could not encode {$event} for client {$clientId}");
        return;
    }

    $timestamp = (string) time();
    $signature = 'sha256=' . hash_hmac('sha256', $timestamp . '.' . $body, $secret);

    $curl = curl_init($url);
    curl_setopt_array($curl, [
        CURLOPT_POST => true,
        CURLOPT_POSTFIELDS => $body,
        CURLOPT_HTTPHEADER => [
            'Content-Type: application/json',
            'X-Portal-Timestamp: ' . $timestamp,
            'X-Portal-Signature: ' . $signature,
        ],
        CURLOPT_RETURNTRANSFER => true,
        CURLOPT_CONNECTTIMEOUT => PORTAL_WEBHOOK_CONNECT_TIMEOUT,
        CURLOPT_TIMEOUT => PORTAL_WEBHOOK_TIMEOUT,
    ]);
    $response = curl_exec($curl);
    $status = (int) curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
    $error = curl_error($curl);
    curl_close($curl);

    if ($response === false || $status < 200 || $status >= 300) {
        $reason = $response === false ? $error : "HTTP {$status}";
        logActivity("Portal webhook: {$event} for client {$clientId} not delivered ({$reason})");
    }
}

/**
 * Sends an invoice event; the hook points pass only the invoice id, so the owning client is read
 * with the internal API (GetInvoice `userid`).
 */
function portal_webhook_invoice_event(string $event, array $vars): void
{
    $invoiceId = (int) ($vars['invoiceid'] ?? 0);
    if ($invoiceId <= 0) {
        return;
    }
    $invoice = localAPI('GetInvoice', ['invoiceid' => $invoiceId]);
    if (($invoice['result'] ?? '') !== 'success') {
        logActivity("Portal webhook: invoice {$invoiceId} not found; {$event} not sent");
        return;
    }
    portal_webhook_send($event, (int) $invoice['userid'], $invoiceId);
}

// InvoiceCreated fires once the invoice has left Draft and is visible to the client (unlike
// InvoiceCreation, which fires before line items and totals are final).
add_hook('InvoiceCreated', 1, function (array $vars) {
    portal_webhook_invoice_event('InvoiceCreated', $vars);
});

add_hook('InvoicePaid', 1, function (array $vars) {
    portal_webhook_invoice_event('InvoicePaid', $vars);
});

add_hook('InvoiceCancelled', 1, function (array $vars) {
    portal_webhook_invoice_event('InvoiceCancelled', $vars);
});

add_hook('InvoiceRefunded', 1, function (array $vars) {
    portal_webhook_invoice_event('InvoiceRefunded', $vars);
});

add_hook('ClientEdit', 1, function (array $vars) {
    $clientId = (int) ($vars['userid'] ?? 0);
    if ($clientId > 0) {
        portal_webhook_send('ClientEdit', $clientId, null);
    }
});

// CCUpdate fires after a client's card (or, with a tokenising gateway, bank) details were stored.
add_hook('CCUpdate', 1, function (array $vars) {
    $clientId = (int) ($vars['userid'] ?? 0);
    if ($clientId > 0) {
        portal_webhook_send('PayMethodChanged', $clientId, null);
    }
});
