import { toNestErrors } from "@hookform/resolvers";
import {
  type CatalogItem,
  installationDateWindow,
  OrderQuoteError,
  placeOrderRequestSchema,
  type PlaceOrderRequest,
  quoteOrder,
} from "@portal/domain";
import { type FieldError, type Resolver } from "react-hook-form";
import {
  type CheckoutCatalog,
  type CheckoutFormValues,
  orderRequestInput,
  pricedChoice,
} from "@/features/checkout/model/checkout-form-values";

/** Issue code of an installation date outside {@link installationDateWindow} (form only). */
export const OUTSIDE_WINDOW = "outside_window";
/** Issue code of the unticked terms box (form only). */
export const NOT_AGREED = "not_agreed";
/** Issue code when the choice cannot be priced: something left the catalog (form only). */
export const UNPRICEABLE = "unpriceable";

/**
 * The checkout form's resolver: prices the choice with `quoteOrder` (the BFF's own pricing),
 * builds the `POST /api/orders` body with those totals as `expectedTotals` and checks it with
 * the domain's `placeOrderRequestSchema`, whose issue paths are the form's field names
 * (`eid`, `mnp.lastNameKana`, `installation.firstChoice`); the error `type` is the zod issue
 * code, localized by `useFieldError("checkout")`. The form adds what only it knows: an
 * installation date inside the window the BFF accepts (`installationDateWindow(now())`), the
 * ticked terms box, and a choice that can still be priced (`root.quote`). Resolves to the
 * parsed request.
 */
export function checkoutResolver(
  plan: CatalogItem,
  checkout: CheckoutCatalog,
  now: () => Date = () => new Date(),
): Resolver<CheckoutFormValues, unknown, PlaceOrderRequest> {
  return (values, _context, options) => {
    const errors: Record<string, FieldError> = {};
    const add = (path: string, type: string) => {
      errors[path] ??= { type, message: type };
    };
    let totals;
    try {
      totals = quoteOrder(pricedChoice(plan, checkout, values), checkout.catalog).totals;
    } catch (error) {
      if (!(error instanceof OrderQuoteError)) throw error;
      add("root.quote", UNPRICEABLE);
    }
    const parsed = totals
      ? placeOrderRequestSchema.safeParse(orderRequestInput(plan, checkout, values, totals))
      : null;
    for (const issue of parsed?.error?.issues ?? []) add(issue.path.join("."), issue.code);
    if (checkout.category === "internet") {
      const { earliest, latest } = installationDateWindow(now());
      for (const field of ["firstChoice", "secondChoice"] as const) {
        const date = values.installation[field];
        if (date && (date < earliest || date > latest))
          add(`installation.${field}`, OUTSIDE_WINDOW);
      }
    }
    if (!values.agreed) add("agreed", NOT_AGREED);
    if (parsed?.success && Object.keys(errors).length === 0) {
      return { values: parsed.data, errors: {} };
    }
    return { values: {}, errors: toNestErrors<CheckoutFormValues>(errors, options) };
  };
}
