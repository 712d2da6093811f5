"use client";

import { type OrderAddress, type OrderDetail as OrderDetailData } from "@portal/domain";
import { useLocale, useTranslations } from "next-intl";
import { notFound } from "next/navigation";
import { type ReactNode } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { QueryError } from "@/components/query-error";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { BackToOrders } from "@/features/orders/components/back-to-orders";
import { FulfilmentProgress } from "@/features/orders/components/fulfilment-progress";
import { OrderLiveAnnouncer } from "@/features/orders/components/order-live-announcer";
import { OrderDetailSkeleton } from "@/features/orders/components/order-detail-skeleton";
import { OrderStatusBadges } from "@/features/orders/components/order-status-badges";
import { OrderTimeline } from "@/features/orders/components/order-timeline";
import { OrderTotalsBlock } from "@/features/orders/components/order-totals";
import { useOrderTitle } from "@/features/orders/components/use-order-title";
import { isFulfilmentOpen } from "@/features/orders/live/fulfilment-steps";
import { useOrder } from "@/features/orders/hooks/use-order";
import { useOrderEvents } from "@/features/orders/hooks/use-order-events";
import { isApiClientError } from "@/lib/api/api-client-error";
import { formatAddressLines } from "@/lib/format/address";
import { useFormat } from "@/lib/format/use-format";

/** A term and its value in a details list. */
function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 sm:flex-row sm:gap-3">
      <dt className="shrink-0 text-muted-foreground sm:w-44">{term}</dt>
      <dd className="min-w-0 font-medium break-words">{children}</dd>
    </div>
  );
}

/**
 * An EID shown partly: the last four digits only, enough to tell which device the eSIM is for
 * without the whole device identifier on screen.
 */
export function maskEid(eid: string): string {
  return `•••• ${eid.slice(-4)}`;
}

function Items({ order }: { order: OrderDetailData }) {
  const t = useTranslations("order");
  const format = useFormat();
  return (
    <Card className="overflow-hidden">
      <CardHeader>
        <CardTitle>{t("items")}</CardTitle>
      </CardHeader>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead className="w-full">{t("item")}</TableHead>
            <TableHead className="text-right">{t("oneTime")}</TableHead>
            <TableHead className="text-right">{t("monthly")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {order.items.map((item) => (
            <TableRow key={item.id}>
              <TableCell className="whitespace-normal">
                {format.text(item.name)}
                {item.quantity !== 1 ? (
                  <span className="ml-2 text-xs text-muted-foreground">× {item.quantity}</span>
                ) : null}
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {item.billingCycle === "one_time" ? format.money(item.totalPrice) : "—"}
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {item.billingCycle === "monthly" ? format.money(item.totalPrice) : "—"}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <p className="border-t px-5 py-3 text-xs text-muted-foreground sm:px-6">
        {t("itemsTaxNote")}
      </p>
    </Card>
  );
}

/** The address as it was when the order was placed, in the language's order. */
function AddressSnapshot({ address }: { address: OrderAddress }) {
  const t = useTranslations("order");
  const prefectures = useTranslations("prefectures") as unknown as {
    (key: string): string;
    has(key: string): boolean;
  };
  const locale = useLocale();
  // The snapshot keeps the prefecture as Salesforce stored it: our code when it is one.
  const prefecture = prefectures.has(address.prefecture)
    ? prefectures(address.prefecture)
    : address.prefecture;
  return (
    <address className="text-sm not-italic" aria-label={t("address")}>
      {formatAddressLines(address, locale, prefecture).map((line) => (
        <span key={line} className="block">
          {line}
        </span>
      ))}
    </address>
  );
}

function SimDetails({ sim }: { sim: NonNullable<OrderDetailData["sim"]> }) {
  const t = useTranslations("order");
  const simType = useTranslations("catalog.simType");
  const gender = useTranslations("checkout.gender");
  const format = useFormat();
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("simTitle")}</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="flex flex-col gap-2 text-sm">
          <Detail term={t("simType")}>{simType(sim.simType)}</Detail>
          {sim.eid ? <Detail term={t("eid")}>{maskEid(sim.eid)}</Detail> : null}
          <Detail term={t("mnp")}>{sim.mnp ? t("mnpYes") : t("mnpNo")}</Detail>
          {sim.mnp ? (
            <>
              <Detail term={t("mnpReservation")}>{sim.mnp.reservationNumber}</Detail>
              <Detail term={t("mnpExpires")}>{format.date(sim.mnp.expiresOn)}</Detail>
              <Detail term={t("mnpName")}>
                {`${sim.mnp.lastName} ${sim.mnp.firstName}（${sim.mnp.lastNameKana} ${sim.mnp.firstNameKana}）`}
              </Detail>
              <Detail term={t("mnpBirthdate")}>{format.date(sim.mnp.birthdate)}</Detail>
              <Detail term={t("mnpGender")}>{gender(sim.mnp.gender)}</Detail>
            </>
          ) : null}
        </dl>
      </CardContent>
    </Card>
  );
}

function InstallationDetails({
  preference,
}: {
  preference: NonNullable<OrderDetailData["installationPreference"]>;
}) {
  const t = useTranslations("order");
  const slot = useTranslations("checkout.timeSlot");
  const format = useFormat();
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("installationTitle")}</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <dl className="flex flex-col gap-2 text-sm">
          <Detail term={t("firstChoice")}>{format.date(preference.firstChoice)}</Detail>
          {preference.secondChoice ? (
            <Detail term={t("secondChoice")}>{format.date(preference.secondChoice)}</Detail>
          ) : null}
          <Detail term={t("timeSlot")}>{slot(preference.timeSlot)}</Detail>
        </dl>
        <p className="text-xs text-muted-foreground">{t("installationNote")}</p>
      </CardContent>
    </Card>
  );
}

/**
 * An order: title, number, placed date and status badges; "thank you" right after checkout
 * (`placed`); the activation error when set-up failed; the fulfilment steps; items with one-time
 * and monthly amounts, totals with tax, the address snapshot, SIM/MNP details or the installation
 * preference, and the timeline. While the order can still move on, it is followed live (decision
 * 0071): the page moves along without a reload and announces each step politely. An order the
 * BFF does not find (404, also another customer's) renders the segment's not-found page.
 */
export function OrderDetail({ id, placed }: { id: string; placed: boolean }) {
  const order = useOrder(id);
  const changed = useOrderEvents(id, order.isSuccess && isFulfilmentOpen(order.data));
  const t = useTranslations("order");
  const format = useFormat();
  const title = useOrderTitle();

  if (order.isPending) return <OrderDetailSkeleton />;
  if (order.isError) {
    if (isApiClientError(order.error, "NOT_FOUND")) notFound();
    return (
      <>
        <PageHeader before={<BackToOrders />} title={t("title")} />
        <QueryError
          title={t("loadFailed")}
          error={order.error}
          onRetry={() => void order.refetch()}
          retrying={order.isFetching}
        />
      </>
    );
  }

  const data = order.data;
  const address = data.shippingAddress ?? data.billingAddress;
  return (
    <>
      <PageHeader
        before={<BackToOrders />}
        title={title(data)}
        description={
          <span className="flex flex-col gap-2">
            <span>
              {t("numberAndDate", { number: data.number, date: format.dateTime(data.placedAt) })}
            </span>
            <OrderStatusBadges status={data.status} activationStatus={data.activationStatus} />
          </span>
        }
      />
      <OrderLiveAnnouncer changed={changed} />
      <div className="flex flex-col gap-5">
        {placed ? (
          <Alert tone="success">
            <AlertTitle>{t("placedTitle")}</AlertTitle>
            <AlertDescription>{t("placedText")}</AlertDescription>
          </Alert>
        ) : null}
        {data.activationStatus === "failed" ? (
          <Alert tone="destructive">
            <AlertTitle>{t("activationFailedTitle")}</AlertTitle>
            <AlertDescription className="flex flex-col gap-1">
              <p>{t("activationFailedText")}</p>
              {data.activationError ? (
                <p className="text-xs text-muted-foreground">
                  {/* The code only: the message is written for staff, in English (review finding). */}
                  {t("activationErrorCode", { code: data.activationError.code })}
                </p>
              ) : null}
            </AlertDescription>
          </Alert>
        ) : null}
        <Card>
          <CardHeader>
            <CardTitle>{t("fulfilment.title")}</CardTitle>
          </CardHeader>
          <CardContent>
            <FulfilmentProgress order={data} />
          </CardContent>
        </Card>
        <div className="grid items-start gap-5 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <div className="flex min-w-0 flex-col gap-5">
            <Items order={data} />
            {data.sim ? <SimDetails sim={data.sim} /> : null}
            {data.installationPreference ? (
              <InstallationDetails preference={data.installationPreference} />
            ) : null}
            <Card>
              <CardHeader>
                <CardTitle>{t("timelineTitle")}</CardTitle>
              </CardHeader>
              <CardContent>
                <OrderTimeline entries={data.timeline} />
              </CardContent>
            </Card>
          </div>
          <div className="flex flex-col gap-5 lg:sticky lg:top-20">
            <Card>
              <CardHeader>
                <CardTitle>{t("totalsTitle")}</CardTitle>
              </CardHeader>
              <CardContent>
                <OrderTotalsBlock totals={data.totals} />
              </CardContent>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>
                  {data.category === "internet" ? t("installedAt") : t("shipsTo")}
                </CardTitle>
              </CardHeader>
              <CardContent>
                {address ? (
                  <AddressSnapshot address={address} />
                ) : (
                  <p className="text-sm text-muted-foreground">{t("noAddress")}</p>
                )}
              </CardContent>
            </Card>
          </div>
        </div>
      </div>
    </>
  );
}
