"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import {
  accountSecurityKeys,
  fetchActivity,
} from "@/features/account-security/api/account-security-api";
import { useErrorMessage } from "@/lib/errors/use-error-message";
import { useFormat } from "@/lib/format/use-format";

/** The last 50 security events of the customer, newest first, with time, IP and browser. */
export function ActivityCard() {
  const t = useTranslations("accountSecurity.activity");
  const format = useFormat();
  const message = useErrorMessage();
  const activity = useQuery({
    queryKey: accountSecurityKeys.activity(),
    queryFn: ({ signal }) => fetchActivity(signal),
  });
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent>
        {activity.error ? (
          <Alert tone="destructive">
            <AlertDescription>{message.forError(activity.error)}</AlertDescription>
          </Alert>
        ) : null}
        <ol className="flex flex-col divide-y text-sm" aria-busy={activity.isPending}>
          {(activity.data ?? []).map((event, index) => (
            <li key={`${event.at}-${index}`} data-testid="activity" className="py-2">
              <p className="font-medium">{t(`types.${event.type}`)}</p>
              <p className="text-muted-foreground">
                <time dateTime={event.at}>{format.dateTime(event.at)}</time>
                {" · "}
                {event.ip ?? t("unknownIp")}
                {event.client ? ` · ${event.client}` : null}
              </p>
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}
