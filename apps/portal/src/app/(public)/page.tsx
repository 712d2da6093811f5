import { CreditCard, Router, Smartphone } from "lucide-react";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { SIGN_IN_PATH } from "@/config/routes";
import { siteConfig } from "@/config/site";
import { cn } from "@/lib/cn";

const features = [
  {
    icon: Router,
    title: "Fibre up to 1 Gbps",
    description:
      "Hikari fibre to your home or apartment, with a Wi-Fi 6 router and same-week installation in most areas.",
  },
  {
    icon: Smartphone,
    title: "SIM and eSIM plans",
    description:
      "Data plans from 3 GB to unlimited on a nationwide network. Switch plans online, effective next month.",
  },
  {
    icon: CreditCard,
    title: "Invoices at a glance",
    description:
      "See every invoice, what is due and when, and pay securely by card in a few clicks.",
  },
];

/** Landing page: what the provider offers and the way into My Page. */
export default function LandingPage() {
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
              Fibre · Mobile · Across Japan
            </p>
            <h1 className="text-4xl leading-tight font-bold tracking-tight text-balance sm:text-5xl">
              Your fibre and mobile account, all in one place.
            </h1>
            <p className="max-w-xl text-lg text-white/90">
              {siteConfig.name} {siteConfig.portalName} lets you check invoices, pay what is due and
              keep your details up to date, any time.
            </p>
            <div className="flex flex-col gap-3 sm:flex-row">
              <Link
                href="/auth/signup"
                className={cn(
                  buttonVariants({ size: "lg" }),
                  "bg-white text-primary hover:bg-white/90",
                )}
              >
                Create account
              </Link>
              <Link
                href={SIGN_IN_PATH}
                className={cn(
                  buttonVariants({ size: "lg", variant: "outline" }),
                  "border-white/60 bg-transparent text-white hover:bg-white/10",
                )}
              >
                Sign in
              </Link>
            </div>
            <p className="text-sm text-white/85">
              New to {siteConfig.portalName}? Have your customer number ready — it is printed on
              your contract.
            </p>
          </div>
          <div aria-hidden="true" className="hidden lg:block">
            <div className="rounded-2xl border border-white/15 bg-white/10 p-6 shadow-2xl backdrop-blur">
              <div className="flex items-center justify-between text-sm text-white/80">
                <span>Next payment</span>
                <span className="rounded-full bg-amber-200 px-2.5 py-0.5 text-xs font-semibold text-amber-900">
                  Unpaid
                </span>
              </div>
              <p className="mt-3 text-4xl font-bold">￥5,830</p>
              <p className="mt-1 text-sm text-white/80">Due 2026/12/05 · Fibre 1G Home</p>
              <div className="mt-6 grid grid-cols-3 gap-3 text-center text-sm">
                {["Invoices", "Payments", "Plans"].map((label) => (
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
          Everything for your connection
        </h2>
        <p className="mt-2 max-w-2xl text-muted-foreground">
          One account for your home fibre and your mobile lines, with billing you can follow month
          by month.
        </p>
        <ul className="mt-8 grid gap-5 md:grid-cols-3">
          {features.map(({ icon: Icon, title, description }) => (
            <li key={title}>
              <Card className="h-full">
                <CardHeader>
                  <span className="mb-2 inline-flex size-10 items-center justify-center rounded-lg bg-brand-soft text-primary">
                    <Icon aria-hidden="true" className="size-5" />
                  </span>
                  <CardTitle as="h3">{title}</CardTitle>
                </CardHeader>
                <CardContent>
                  <CardDescription className="leading-relaxed">{description}</CardDescription>
                </CardContent>
              </Card>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
