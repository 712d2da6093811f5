import { Injectable } from "@nestjs/common";
import { Counter } from "prom-client";
import { MetricsService } from "../metrics/metrics.service.js";

/**
 * What the subscriber counts per topic (docs/operations/metrics.md): events received, handled
 * (effect done and replay id stored) and failed (the handler threw: redelivered after reconnect),
 * and resubscriptions by reason (`error`, `replay_id_rejected`).
 */
export interface SfEventCounters {
  received(topic: string): void;
  handled(topic: string): void;
  failed(topic: string): void;
  /** An event that can never be handled was passed over (logged with its replay id). */
  skipped(topic: string): void;
  resubscribed(topic: string, reason: "error" | "replay_id_rejected"): void;
}

/** {@link SfEventCounters} as Prometheus counters on the BFF's registry; labels are topic names only. */
@Injectable()
export class SfEventMetrics implements SfEventCounters {
  private readonly events: Record<"received" | "handled" | "failed" | "skipped", Counter<"topic">>;
  private readonly resubscriptions: Counter<"topic" | "reason">;

  constructor(metrics: MetricsService) {
    const registers = [metrics.registry];
    this.events = {
      received: new Counter({
        name: "sf_events_received_total",
        help: "Salesforce Pub/Sub events received, by topic",
        labelNames: ["topic"] as const,
        registers,
      }),
      handled: new Counter({
        name: "sf_events_handled_total",
        help: "Salesforce Pub/Sub events handled and acknowledged (replay id stored), by topic",
        labelNames: ["topic"] as const,
        registers,
      }),
      failed: new Counter({
        name: "sf_events_failed_total",
        help: "Salesforce Pub/Sub events whose handling failed (redelivered after reconnect), by topic",
        labelNames: ["topic"] as const,
        registers,
      }),
      skipped: new Counter({
        name: "sf_events_skipped_total",
        help: "Salesforce Pub/Sub events that can never be handled, logged and passed over, by topic",
        labelNames: ["topic"] as const,
        registers,
      }),
    };
    this.resubscriptions = new Counter({
      name: "sf_events_resubscriptions_total",
      help: "Salesforce Pub/Sub subscriptions started again, by topic and reason",
      labelNames: ["topic", "reason"] as const,
      registers,
    });
  }

  received(topic: string): void {
    this.events.received.inc({ topic });
  }

  handled(topic: string): void {
    this.events.handled.inc({ topic });
  }

  failed(topic: string): void {
    this.events.failed.inc({ topic });
  }

  skipped(topic: string): void {
    this.events.skipped.inc({ topic });
  }

  resubscribed(topic: string, reason: "error" | "replay_id_rejected"): void {
    this.resubscriptions.inc({ topic, reason });
  }
}
