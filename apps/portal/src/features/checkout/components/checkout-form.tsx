"use client";

import {
  type Address,
  type CatalogItem,
  errorStatus,
  type ErrorCode,
  type OrderQuote,
  type PlaceOrderRequest,
  quoteOrder,
} from "@portal/domain";
import { useQueryClient } from "@tanstack/react-query";
import { Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { type Path, useForm, useWatch } from "react-hook-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { accountKeys } from "@/features/account/api/account-keys";
import { catalogKeys } from "@/features/catalog/api/catalog-keys";
import { CatalogPriceBlock } from "@/features/catalog/components/catalog-price";
import { useCatalogLabels } from "@/features/catalog/components/use-catalog-labels";
import { catalogCategoryPath } from "@/features/catalog/navigation/catalog-paths";
import { paymentMethodKeys } from "@/features/billing/api/payment-method-keys";
import { AddressSection } from "@/features/checkout/components/address-section";
import { CheckoutSection } from "@/features/checkout/components/checkout-section";
import { ChoiceOption } from "@/features/checkout/components/choice-option";
import { InstallationSection } from "@/features/checkout/components/installation-section";
import { OptionChecklist } from "@/features/checkout/components/option-checklist";
import { OrderSummary } from "@/features/checkout/components/order-summary";
import {
  PaymentSection,
  usePaymentMethodCheck,
} from "@/features/checkout/components/payment-section";
import { SimSection } from "@/features/checkout/components/sim-section";
import { usePlaceOrder } from "@/features/checkout/hooks/use-place-order";
import { checkoutResolver } from "@/features/checkout/model/checkout-resolver";
import {
  addOnsFor,
  type CheckoutCatalog,
  type CheckoutForm as CheckoutFormApi,
  type CheckoutFormValues,
  emptyCheckoutValues,
  isVoicePlan,
  pricedChoice,
} from "@/features/checkout/model/checkout-form-values";
import { eligibilityKeys } from "@/features/eligibility/api/eligibility-keys";
import { orderPath } from "@/features/orders/navigation/order-paths";
import { isApiClientError } from "@/lib/api/api-client-error";
import { useErrorMessage } from "@/lib/errors/use-error-message";
import { useFormat } from "@/lib/format/use-format";
import { serverErrorType, useFieldError } from "@/lib/validation/use-field-error";

/** The form's fields the BFF may name in a 400 `VALIDATION_FAILED` (request paths). */
const SERVER_FIELDS: readonly Path<CheckoutFormValues>[] = [
  "simType",
  "eid",
  "mnp.reservationNumber",
  "mnp.expiresOn",
  "mnp.lastName",
  "mnp.firstName",
  "mnp.lastNameKana",
  "mnp.firstNameKana",
  "mnp.birthdate",
  "mnp.gender",
  "installation.firstChoice",
  "installation.secondChoice",
  "installation.timeSlot",
];

/** The sections a refusal is shown at: `root.<section>` errors of the form. */
type RefusalSection = "plan" | "options" | "sim" | "address" | "payment" | "summary" | "server";

/**
 * Refusals whose code alone says too little, by the request field the BFF names: the address on
 * file is missing (`address`), or the plan is no longer a voice plan in the live catalog, so its
 * voice options (`voiceOptionIds`) or keeping a number (`mnp`) cannot be ordered with it
 * (`quoteOrder`'s "invalid" refusals; the BFF's `CheckoutService.place`).
 */
const SECTION_REFUSALS = {
  address: { section: "address", message: "addressRefused" },
  voiceOptionIds: { section: "options", message: "voiceNoLongerOffered" },
  mnp: { section: "sim", message: "voiceNoLongerOffered" },
} as const satisfies Record<string, { section: RefusalSection; message: string }>;

/** A checkout message a refusal can carry instead of its code's. */
type SectionRefusalMessage = (typeof SECTION_REFUSALS)[keyof typeof SECTION_REFUSALS]["message"];

/** The error code in a root error's type (`server:CODE`), or null. */
function refusalCode(type: string | number | undefined): ErrorCode | null {
  const value = String(type ?? "");
  return value.startsWith("server:") ? (value.slice("server:".length) as ErrorCode) : null;
}

/** The quote of the current choice, or null while it cannot be priced (see the resolver). */
function useLiveQuote(form: CheckoutFormApi, plan: CatalogItem, checkout: CheckoutCatalog) {
  const [addOnIds, voiceOptionIds, simType, installation] = useWatch({
    control: form.control,
    name: ["addOnIds", "voiceOptionIds", "simType", "installation"],
  });
  return useMemo((): OrderQuote | null => {
    try {
      return quoteOrder(
        pricedChoice(plan, checkout, { addOnIds, voiceOptionIds, simType, installation }),
        checkout.catalog,
      );
    } catch {
      return null;
    }
  }, [plan, checkout, addOnIds, voiceOptionIds, simType, installation]);
}

/**
 * Checkout of one plan, in numbered sections: the plan, its options (add-ons; voice options for
 * a voice SIM), the SIM (type, EID, MNP) or the installation visit, the address on file, the
 * payment method, then the summary priced by `quoteOrder`, the terms box and "Place order".
 * Placing sends `POST /api/orders` with the quote as `expectedTotals` (one Idempotency-Key per
 * action, `usePlaceOrder`) and opens the new order's page with its "order placed" notice. A
 * refusal shows its localized message at its section or field — no payment method at the
 * payment, not eligible at the plan, an item no longer offered at the plan, the options or the
 * summary (the catalog is read again), a bad field at the field, no address on file at the
 * address (the profile is read again), voice options or a kept number a plan no longer allows at
 * the options or the SIM (the catalog is read again); an upstream failure asks to
 * try again and keeps everything entered. Without a usable payment method placing is disabled.
 */
export function CheckoutForm({
  plan,
  checkout,
  installedAt = null,
}: {
  plan: CatalogItem;
  checkout: CheckoutCatalog;
  /** Where a fibre line is installed when it is not the address on file (the eligible address). */
  installedAt?: Address | null;
}) {
  const t = useTranslations("checkout");
  const labels = useCatalogLabels();
  const { text } = useFormat();
  const message = useErrorMessage();
  const fieldError = useFieldError("checkout");
  const router = useRouter();
  const queryClient = useQueryClient();
  const placeOrder = usePlaceOrder();
  const payment = usePaymentMethodCheck();
  const resolver = useMemo(() => checkoutResolver(plan, checkout), [plan, checkout]);
  const form = useForm<CheckoutFormValues, unknown, PlaceOrderRequest>({
    resolver,
    defaultValues: emptyCheckoutValues(checkout),
  });
  const quote = useLiveQuote(form, plan, checkout);
  const { errors } = form.formState;

  /** Shows `code`'s message at `section`, or the checkout's own `message` when given. */
  const refuse = (section: RefusalSection, code: ErrorCode, message?: SectionRefusalMessage) =>
    form.setError(`root.${section}`, { type: serverErrorType(code), message });

  const onSubmit = form.handleSubmit((order) => {
    form.clearErrors("root");
    placeOrder.mutate(order, {
      onSuccess: (placed) => router.push(orderPath(placed.id, { placed: true })),
      onError: (error) => {
        if (!isApiClientError(error)) return refuse("server", "INTERNAL");
        const fields = Object.keys(error.fields);
        switch (error.code) {
          case "PAYMENT_METHOD_REQUIRED":
            void queryClient.invalidateQueries({ queryKey: paymentMethodKeys.all });
            return refuse("payment", error.code);
          case "NOT_ELIGIBLE":
            void queryClient.invalidateQueries({ queryKey: eligibilityKeys.all });
            return refuse("plan", error.code);
          case "PRODUCT_UNAVAILABLE":
            void queryClient.invalidateQueries({ queryKey: catalogKeys.all });
            return refuse(
              fields.some((field) => field.startsWith("planId"))
                ? "plan"
                : fields.some((field) => /^(addOnIds|voiceOptionIds)/.test(field))
                  ? "options"
                  : "summary",
              error.code,
            );
          case "VALIDATION_FAILED": {
            const named = SERVER_FIELDS.filter((field) => field in error.fields);
            for (const field of named) form.setError(field, { type: serverErrorType(error.code) });
            const sections = Object.entries(SECTION_REFUSALS).filter(
              ([field]) => field in error.fields,
            );
            for (const [field, { section, message }] of sections) {
              // What the page shows is out of date: read the profile or the catalog again.
              void queryClient.invalidateQueries({
                queryKey: field === "address" ? accountKeys.profile() : catalogKeys.all,
              });
              refuse(section, error.code, message);
            }
            return named.length + sections.length > 0 ? undefined : refuse("server", error.code);
          }
          default:
            return refuse("server", error.code);
        }
      },
    });
  });

  /** The message of a section's refusal, in the page's language. */
  const refusal = (section: RefusalSection): string | null => {
    const root = errors.root?.[section];
    const code = refusalCode(root?.type);
    if (!code) return null;
    if (root?.message) return t(root.message as SectionRefusalMessage);
    if (section === "server" && errorStatus[code] >= 500) return t("placeFailed");
    return message.forCode(code);
  };

  const addOns = addOnsFor(plan, checkout);
  const voiceOptions =
    checkout.category === "sim" && isVoicePlan(plan) ? checkout.catalog.voiceOptions : [];
  const hasOptions = addOns.length + voiceOptions.length > 0;
  // The sections shown, in order: their numbers follow from it.
  const sections = [
    "plan",
    ...(hasOptions ? ["options"] : []),
    checkout.category === "sim" ? "sim" : null,
    checkout.category === "internet" ? "installation" : null,
    "address",
    "payment",
    "summary",
  ].filter((section) => section !== null);
  const step = (section: string) => sections.indexOf(section) + 1;

  return (
    <form onSubmit={onSubmit} noValidate aria-busy={placeOrder.isPending}>
      <fieldset
        disabled={placeOrder.isPending}
        className="grid items-start gap-5 lg:grid-cols-[minmax(0,1fr)_22rem]"
      >
        <legend className="sr-only">{t("formLegend")}</legend>
        <div className="flex min-w-0 flex-col gap-5">
          <CheckoutSection step={step("plan")} title={t("planTitle")} error={refusal("plan")}>
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div className="flex flex-col gap-1">
                <p className="text-base font-semibold">{labels.planTitle(plan)}</p>
                {plan.description ? (
                  <p className="text-muted-foreground">{text(plan.description)}</p>
                ) : null}
              </div>
              <CatalogPriceBlock price={plan.price} className="items-end" />
            </div>
            <Link
              href={catalogCategoryPath(checkout.category)}
              className="w-fit rounded-sm font-medium text-primary underline-offset-4 hover:underline"
            >
              {t("changePlan")}
            </Link>
          </CheckoutSection>
          {hasOptions ? (
            <CheckoutSection
              step={step("options")}
              title={t("optionsTitle")}
              description={t("optionsLead")}
              error={refusal("options")}
            >
              <OptionChecklist
                form={form}
                field="voiceOptionIds"
                legend={t("voiceOptions")}
                options={voiceOptions}
              />
              <OptionChecklist form={form} field="addOnIds" legend={t("addOns")} options={addOns} />
            </CheckoutSection>
          ) : null}
          {checkout.category === "sim" ? (
            <CheckoutSection step={step("sim")} title={t("simTitle")} error={refusal("sim")}>
              <SimSection form={form} plan={plan} catalog={checkout.catalog} />
            </CheckoutSection>
          ) : null}
          {checkout.category === "internet" ? (
            <CheckoutSection step={step("installation")} title={t("installationTitle")}>
              <InstallationSection form={form} />
            </CheckoutSection>
          ) : null}
          <CheckoutSection
            step={step("address")}
            title={checkout.category === "internet" ? t("installedAtTitle") : t("shipsToTitle")}
            error={refusal("address")}
          >
            <AddressSection address={installedAt} />
          </CheckoutSection>
          <CheckoutSection
            step={step("payment")}
            title={t("paymentTitle")}
            error={refusal("payment")}
          >
            <PaymentSection />
          </CheckoutSection>
        </div>
        <div className="flex flex-col gap-5 lg:sticky lg:top-20">
          <CheckoutSection
            step={step("summary")}
            title={t("summaryTitle")}
            error={refusal("summary")}
          >
            {quote ? (
              <OrderSummary quote={quote} />
            ) : (
              <Alert tone="destructive">
                <AlertDescription>{message.forCode("PRODUCT_UNAVAILABLE")}</AlertDescription>
              </Alert>
            )}
            <div className="flex flex-col gap-1.5 border-t pt-4">
              <ChoiceOption
                type="checkbox"
                {...form.register("agreed")}
                aria-invalid={errors.agreed ? true : undefined}
                label={t("agree")}
                description={t("agreeNote")}
              />
              {errors.agreed ? (
                <p role="alert" className="text-[13px] font-medium text-destructive">
                  {fieldError("agreed", errors.agreed)}
                </p>
              ) : null}
            </div>
            {refusal("server") ? (
              <Alert tone="destructive">
                <AlertDescription>{refusal("server")}</AlertDescription>
              </Alert>
            ) : null}
            <Button
              type="submit"
              size="lg"
              className="w-full"
              disabled={payment === "none" || quote === null}
            >
              {placeOrder.isPending ? (
                <Loader2 aria-hidden="true" className="animate-spin" />
              ) : null}
              {placeOrder.isPending ? t("placing") : t("placeOrder")}
            </Button>
            {payment === "none" ? (
              <p className="text-[13px] text-muted-foreground">{t("placeNeedsPayment")}</p>
            ) : null}
          </CheckoutSection>
        </div>
      </fieldset>
    </form>
  );
}
