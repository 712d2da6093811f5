"use client";

import { type OrderDetail } from "@portal/domain";
import { Check, CircleDot, Circle, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/cn";
import { useFormat } from "@/lib/format/use-format";
import {
  currentFulfilmentStep,
  type FulfilmentStepState,
  fulfilmentSteps,
} from "@/features/orders/live/fulfilment-steps";

const STATE_ICON: Record<FulfilmentStepState, typeof Check> = {
  complete: Check,
  current: CircleDot,
  upcoming: Circle,
  failed: X,
};

const STATE_CLASS: Record<FulfilmentStepState, string> = {
  complete: "border-primary bg-primary text-primary-foreground",
  current: "border-primary bg-card text-primary",
  upcoming: "border-border bg-card text-muted-foreground",
  failed: "border-destructive bg-destructive text-white",
};

/**
 * Where the order's fulfilment stands (DESIGN.md §6): a sentence on the current step, then the
 * steps placed → approved → activating → activated (or failed; or placed → cancelled), each
 * marked complete, current (`aria-current="step"`), upcoming or failed — in words for screen
 * readers — with the time it was reached when the timeline has it.
 */
export function FulfilmentProgress({ order }: { order: OrderDetail }) {
  const t = useTranslations("order.fulfilment");
  const format = useFormat();
  const steps = fulfilmentSteps(order);
  const current = currentFulfilmentStep(order);
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm" data-current-step={current}>
        {t(`hint.${current}`)}
      </p>
      <ol aria-label={t("stepsLabel")} className="grid gap-3 sm:grid-cols-4">
        {steps.map((step) => {
          const Icon = STATE_ICON[step.state];
          return (
            <li
              key={step.key}
              data-step={step.key}
              data-state={step.state}
              aria-current={step.state === "current" ? "step" : undefined}
              className="flex items-start gap-2 sm:flex-col"
            >
              <span
                aria-hidden="true"
                className={cn(
                  "flex size-7 shrink-0 items-center justify-center rounded-full border-2",
                  STATE_CLASS[step.state],
                )}
              >
                <Icon className="size-4" />
              </span>
              <span className="flex flex-col gap-0.5">
                <span
                  className={cn(
                    "text-sm font-medium",
                    step.state === "upcoming" && "text-muted-foreground",
                  )}
                >
                  {t(`steps.${step.key}`)}
                  <span className="sr-only">{` (${t(`state.${step.state}`)})`}</span>
                </span>
                {step.at ? (
                  <time dateTime={step.at} className="text-xs text-muted-foreground tabular-nums">
                    {format.dateTime(step.at)}
                  </time>
                ) : null}
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
