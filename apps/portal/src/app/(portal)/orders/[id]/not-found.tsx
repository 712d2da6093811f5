import { useTranslations } from "next-intl";
import { NotFoundMessage } from "@/components/not-found-message";
import { ORDERS_PATH } from "@/features/orders/navigation/order-paths";

/** An order that does not exist or is not the customer's (the BFF answers 404 for both). */
export default function OrderNotFound() {
  const t = useTranslations("order");
  return (
    <NotFoundMessage
      title={t("notFoundTitle")}
      description={t("notFoundText")}
      backHref={ORDERS_PATH}
      backLabel={t("back")}
    />
  );
}
