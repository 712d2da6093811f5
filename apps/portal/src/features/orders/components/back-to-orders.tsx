import { ArrowLeft } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { ORDERS_PATH } from "@/features/orders/navigation/order-paths";

/** Link from an order back to the order list, above the order's title. */
export function BackToOrders() {
  const t = useTranslations("order");
  return (
    <Link
      href={ORDERS_PATH}
      className="mb-1 inline-flex min-h-11 w-fit items-center gap-1.5 rounded-sm text-sm font-medium text-muted-foreground hover:text-foreground sm:min-h-0"
    >
      <ArrowLeft aria-hidden="true" className="size-4" />
      {t("back")}
    </Link>
  );
}
