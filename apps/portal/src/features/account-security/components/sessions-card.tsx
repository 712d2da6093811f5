"use client";

import { type AccountSession } from "@portal/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import {
  accountSecurityKeys,
  endOtherSessions,
  endSession,
  fetchSessions,
} from "@/features/account-security/api/account-security-api";
import { useErrorMessage } from "@/lib/errors/use-error-message";
import { useFormat } from "@/lib/format/use-format";

/** "Firefox 133.0 · Windows 10" or the unknown-device label. */
function useDeviceName() {
  const t = useTranslations("accountSecurity.sessions");
  return (session: AccountSession) =>
    [session.browser, session.os].filter(Boolean).join(" · ") || t("unknownDevice");
}

/**
 * The signed-in sessions (decision 0034): device, browser, IP, first and last use in the
 * locale's format, "this device" on the caller's; end one or all others, each after a
 * confirmation step.
 */
export function SessionsCard() {
  const t = useTranslations("accountSecurity.sessions");
  const format = useFormat();
  const message = useErrorMessage();
  const deviceName = useDeviceName();
  const queryClient = useQueryClient();
  const sessions = useQuery({
    queryKey: accountSecurityKeys.sessions(),
    queryFn: ({ signal }) => fetchSessions(signal),
  });
  const [confirming, setConfirming] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: accountSecurityKeys.all });
  const endOne = useMutation({ mutationFn: endSession, onSettled: refresh });
  const endOthers = useMutation({ mutationFn: endOtherSessions, onSettled: refresh });
  const error = endOne.error ?? endOthers.error ?? sessions.error;
  const others = (sessions.data ?? []).filter((session) => !session.current).length;

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {error ? (
          <Alert tone="destructive">
            <AlertDescription>{message.forError(error)}</AlertDescription>
          </Alert>
        ) : null}
        <ul className="flex flex-col divide-y" aria-busy={sessions.isPending}>
          {(sessions.data ?? []).map((session) => (
            <li
              key={session.id}
              data-testid="session"
              className="flex flex-wrap items-center justify-between gap-3 py-3"
            >
              <div className="min-w-0 text-sm">
                <p className="flex items-center gap-2 font-medium">
                  {deviceName(session)}
                  <span className="text-muted-foreground">({t(`device.${session.device}`)})</span>
                  {session.current ? <Badge tone="info">{t("thisDevice")}</Badge> : null}
                </p>
                <p className="text-muted-foreground">
                  {t("details", {
                    ip: session.ip ?? t("unknownIp"),
                    first: format.dateTime(session.firstUsedAt),
                    last: format.dateTime(session.lastUsedAt),
                  })}
                </p>
              </div>
              {session.current ? null : confirming === session.id ? (
                <div className="flex gap-2">
                  <Button
                    type="button"
                    variant="destructive"
                    size="sm"
                    onClick={() => {
                      setConfirming(null);
                      endOne.mutate(session.id);
                    }}
                  >
                    {t("confirmEnd")}
                  </Button>
                  <Button
                    type="button"
                    variant="ghost"
                    size="sm"
                    onClick={() => setConfirming(null)}
                  >
                    {t("cancel")}
                  </Button>
                </div>
              ) : (
                <Button
                  type="button"
                  variant="outline"
                  size="sm"
                  onClick={() => setConfirming(session.id)}
                >
                  {t("end")}
                </Button>
              )}
            </li>
          ))}
        </ul>
        {others > 0 ? (
          confirming === "others" ? (
            <div className="flex flex-wrap items-center gap-2">
              <p className="text-sm">{t("confirmOthers", { count: others })}</p>
              <Button
                type="button"
                variant="destructive"
                onClick={() => {
                  setConfirming(null);
                  endOthers.mutate();
                }}
              >
                {t("confirmEnd")}
              </Button>
              <Button type="button" variant="ghost" onClick={() => setConfirming(null)}>
                {t("cancel")}
              </Button>
            </div>
          ) : (
            <Button
              type="button"
              variant="outline"
              className="w-fit"
              onClick={() => setConfirming("others")}
            >
              {t("endOthers")}
            </Button>
          )
        ) : null}
      </CardContent>
    </Card>
  );
}
