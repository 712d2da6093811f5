import { CreditCard, Router, Smartphone } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { SIGN_IN_PATH } from "@/config/routes";
import { cn } from "@/lib/cn";
import { useFormat } from "@/lib/format/use-format";

/** The offer, as catalog keys (`landing.<key>Title` / `landing.<key>Text`). */
const features = [
  { icon: Router, key: "fibre" },
  { icon: Smartphone, key: "sim" },
  { icon: CreditCard, key: "invoices" },
] as const;

/** The mock invoice of the hero illustration. */
const PREVIEW = { total: { amount: 5830, currency: "JPY" }, dueOn: "2026-12-05" } as const;

/** Landing page: what the provider offers and the way into My Page. */
export default function LandingPage() {
  const t = useTranslations("landing");
  const site = useTranslations("site");
  const status = useTranslations("invoiceStatus");
  const format = useFormat();
  return (
    <>
      <section className="relative overflow-hidden bg-linear-to-br from-[#062e57] via-primary to-[#0d6b77] text-white">
        <div
          aria-hidden="true"
          className="pointer-events-none absolute -top-32 -right-24 size-[28rem] rounded-full bg-white/5 blur-2xl"
        />
        <div className="relative mx-auto grid w-full max-w-6xl gap-10 px-4 py-16 sm:px-6 sm:py-24 lg:grid-cols-[1.2fr_1fr] lg:items-center">
          <div className="flex flex-col gap-6">
            <p className="w-fit rounded-full border border-white/25 bg-white/10 px-3 py-1 text-sm font-medium text-white">
              {t("eyebrow")}
            </p>
            <h1 className="text-4xl leading-tight font-bold tracking-tight text-balance sm:text-5xl">
              {t("title")}
            </h1>
            <p className="max-w-xl text-lg text-white/90">
              {t("lead", { siteName: site("name"), portalName: site("portalName") })}
            </p>
            <div className="flex flex-col gap-3 sm:flex-row">
              <Link
                href="/auth/signup"
                className={cn(
                  buttonVariants({ size: "lg" }),
                  "bg-white text-brand-ink hover:bg-white/90",
                )}
              >
                {t("createAccount")}
              </Link>
              <Link
                href={SIGN_IN_PATH}
                className={cn(
                  buttonVariants({ size: "lg", variant: "outline" }),
                  "border-white/60 bg-transparent text-white hover:bg-white/10",
                )}
              >
                {t("signIn")}
              </Link>
            </div>
            <p className="text-sm text-white/85">
              {t("newHint", { portalName: site("portalName") })}
            </p>
          </div>
          <div aria-hidden="true" className="hidden lg:block">
            <div className="rounded-2xl border border-white/15 bg-white/10 p-6 shadow-2xl backdrop-blur">
              <div className="flex items-center justify-between text-sm text-white/80">
                <span>{t("previewNextPayment")}</span>
                <span className="rounded-full bg-amber-200 px-2.5 py-0.5 text-xs font-semibold text-amber-900">
                  {status("unpaid")}
                </span>
              </div>
              <p className="mt-3 text-4xl font-bold">{format.money(PREVIEW.total)}</p>
              <p className="mt-1 text-sm text-white/80">
                {t("previewDue", { date: format.date(PREVIEW.dueOn) })}
              </p>
              <div className="mt-6 grid grid-cols-3 gap-3 text-center text-sm">
                {[t("previewInvoices"), t("previewPayments"), t("previewPlans")].map((label) => (
                  <div key={label} className="rounded-lg bg-white/10 px-2 py-3 text-white/90">
                    {label}
                  </div>
                ))}
              </div>
            </div>
          </div>
        </div>
      </section>

      <section
        aria-labelledby="features-heading"
        className="mx-auto w-full max-w-6xl px-4 py-14 sm:px-6 sm:py-20"
      >
        <h2 id="features-heading" className="text-2xl font-bold tracking-tight sm:text-3xl">
          {t("featuresTitle")}
        </h2>
        <p className="mt-2 max-w-2xl text-muted-foreground">{t("featuresLead")}</p>
        <ul className="mt-8 grid gap-5 md:grid-cols-3">
          {features.map(({ icon: Icon, key }) => (
            <li key={key}>
              <Card className="h-full">
                <CardHeader>
                  <span className="mb-2 inline-flex size-10 items-center justify-center rounded-lg bg-brand-soft text-primary">
                    <Icon aria-hidden="true" className="size-5" />
                  </span>
                  <CardTitle as="h3">{t(`${key}Title`)}</CardTitle>
                </CardHeader>
                <CardContent>
                  <CardDescription className="leading-relaxed">{t(`${key}Text`)}</CardDescription>
                </CardContent>
              </Card>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
