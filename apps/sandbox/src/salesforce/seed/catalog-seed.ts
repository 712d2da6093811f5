import { addMonths } from "../../seed/calendar.js";
import type { SfRecord } from "../state/salesforce-state.js";
import { demoId } from "./demo-id.js";

/** Name of the seeded portal price book, the BFF's `SF_PORTAL_PRICEBOOK_NAME` default (decision 0051). */
export const PORTAL_PRICEBOOK_NAME = "Portal";

/** Id of the seeded standard price book (`IsStandard: true`). */
export const STANDARD_PRICEBOOK_ID = demoId("01s", 1);
/** Id of the seeded portal price book. */
export const PORTAL_PRICEBOOK_ID = demoId("01s", 2);

type Category = "Internet" | "SIM" | "VPN";
type ItemClass = "Service" | "Activation" | "Installation" | "Add-on";

/**
 * One seeded product with its tax-exclusive price in integer yen (decision 0051): `name` and
 * `description` in Japanese (`Name`, `Description`), `nameEn` and `descriptionEn` in English
 * (`Name_En__c`, `Description_En__c`, decision 0064).
 */
export interface SeededProduct {
  sku: string;
  name: string;
  nameEn: string;
  description: string;
  descriptionEn: string;
  category: Category;
  itemClass: ItemClass;
  monthly: boolean;
  /** `UnitPrice`, yen, tax excluded. */
  price: number;
  whmcsProductId?: string;
  offeringType?: string;
  tier?: string;
  dataSizeGb?: number;
  simPlanType?: "Data+Voice" | "Data Only";
  simType?: "Physical" | "eSIM";
  /** false: on the price book but hidden from the portal (`Portal_Visible__c`). */
  visible?: boolean;
  /** false: the product is retired (`Product2.IsActive`). */
  active?: boolean;
  /** false: only the portal price book entry is inactive (`PricebookEntry.IsActive`). */
  entryActive?: boolean;
}

/** The Japanese name of each offering type, as NTT-line resellers write it. */
const OFFERING_TYPES_JA: Readonly<Record<string, string>> = {
  "Home 1G": "ホーム 1ギガ",
  "Home 10G": "ホーム 10ギガ",
  "Mansion 1G": "マンション 1ギガ",
};

const fibre = (
  offeringType: string,
  code: string,
  standard: number,
  premium: number,
  whmcsBase: number,
): SeededProduct[] => [
  {
    sku: `NET-${code}-STD`,
    name: `光 ${OFFERING_TYPES_JA[offeringType]} スタンダード`,
    nameEn: `Fibre ${offeringType} Standard`,
    description: `${OFFERING_TYPES_JA[offeringType]}の光回線(NTT回線)、IPv6 IPoE対応。ルーターはお客様にご用意いただきます。`,
    descriptionEn: `${offeringType} fibre (NTT line), IPv6 IPoE; bring your own router.`,
    category: "Internet",
    itemClass: "Service",
    monthly: true,
    price: standard,
    whmcsProductId: String(whmcsBase),
    offeringType,
    tier: "Standard",
  },
  {
    sku: `NET-${code}-PRM`,
    name: `光 ${OFFERING_TYPES_JA[offeringType]} プレミアム`,
    nameEn: `Fibre ${offeringType} Premium`,
    description: `${OFFERING_TYPES_JA[offeringType]}の光回線に、Wi-Fi 6 ルーターと優先サポートが付いています。`,
    descriptionEn: `${offeringType} fibre with a Wi-Fi 6 router and priority support included.`,
    category: "Internet",
    itemClass: "Service",
    monthly: true,
    price: premium,
    whmcsProductId: String(whmcsBase + 1),
    offeringType,
    tier: "Premium",
  },
];

const simPlan = (
  planType: "Data+Voice" | "Data Only",
  dataSizeGb: number,
  price: number,
  whmcsProductId: number,
): SeededProduct => ({
  sku: `SIM-${planType === "Data+Voice" ? "VOICE" : "DATA"}-${dataSizeGb}GB`,
  name: `${planType === "Data+Voice" ? "音声SIM" : "データSIM"} ${dataSizeGb}GB`,
  nameEn: `SIM ${planType} ${dataSizeGb}GB`,
  description: `毎月${dataSizeGb}GBのデータ通信${planType === "Data+Voice" ? "と電話番号付き(通話料 30秒11円)" : ""}。余ったデータは翌月に繰り越せます。`,
  descriptionEn: `${dataSizeGb} GB of data per month${planType === "Data+Voice" ? ", with a phone number (calls 11 yen per 30 s)" : ""}; unused data carries over one month.`,
  category: "SIM",
  itemClass: "Service",
  monthly: true,
  price,
  whmcsProductId: String(whmcsProductId),
  dataSizeGb,
  simPlanType: planType,
});

/**
 * The seeded range, modelled on NTT-line fibre resellers and MVNOs (IIJmio, mineo): prices are
 * `UnitPrice` in integer yen **excluding** 10 % consumption tax (decision 0051); several do not
 * divide evenly so the tax-inclusive rounding shows (773 → 850). The WHMCS stand-in configures
 * its products from the same list (`whmcs/products/whmcs-products.ts`).
 */
export const PRODUCTS: readonly SeededProduct[] = [
  ...fibre("Home 1G", "HOME1G", 4_900, 5_500, 101),
  ...fibre("Home 10G", "HOME10G", 6_200, 6_800, 103),
  ...fibre("Mansion 1G", "MANSION1G", 3_600, 4_200, 105),
  {
    sku: "NET-INSTALL-HOME",
    name: "光回線 工事費(戸建て)",
    nameEn: "Fibre installation (house)",
    description: "NTTによる戸建て住宅への派遣工事。",
    descriptionEn: "NTT on-site installation for a detached house.",
    category: "Internet",
    itemClass: "Installation",
    monthly: false,
    price: 18_000,
    offeringType: "Home 1G",
  },
  {
    sku: "NET-INSTALL-HOME10G",
    name: "光回線 工事費(戸建て・10ギガ)",
    nameEn: "Fibre installation (house, 10G)",
    description: "NTTによる戸建て住宅への派遣工事(10Gbps対応機器)。",
    descriptionEn: "NTT on-site installation for a detached house, 10 Gbps equipment.",
    category: "Internet",
    itemClass: "Installation",
    monthly: false,
    price: 20_000,
    offeringType: "Home 10G",
  },
  {
    sku: "NET-INSTALL-MANSION",
    name: "光回線 工事費(マンション)",
    nameEn: "Fibre installation (apartment)",
    description: "共用の光回線が引き込まれたマンションでのNTT工事。",
    descriptionEn: "NTT installation in an apartment building with a shared fibre line.",
    category: "Internet",
    itemClass: "Installation",
    monthly: false,
    price: 15_000,
    offeringType: "Mansion 1G",
  },
  {
    sku: "NET-ACTIVATION",
    name: "光回線 事務手数料",
    nameEn: "Fibre activation fee",
    description: "ご契約時に一度だけかかる事務手数料。",
    descriptionEn: "One-time contract fee (事務手数料).",
    category: "Internet",
    itemClass: "Activation",
    monthly: false,
    price: 3_000,
  },
  {
    sku: "NET-ADDON-ROUTER",
    name: "Wi-Fi 6 ルーターレンタル",
    nameEn: "Wi-Fi 6 router rental",
    description: "Wi-Fi 6 ルーターのレンタル。故障時は無償で交換します。",
    descriptionEn: "Rental Wi-Fi 6 router, replaced free of charge when it fails.",
    category: "Internet",
    itemClass: "Add-on",
    monthly: true,
    price: 300,
  },
  {
    sku: "NET-ADDON-FIXEDIP",
    name: "固定IPv4アドレス",
    nameEn: "Fixed IPv4 address",
    description: "グローバル固定IPv4アドレスを1つ割り当てます。",
    descriptionEn: "One static global IPv4 address.",
    category: "Internet",
    itemClass: "Add-on",
    monthly: true,
    price: 2_500,
  },
  {
    sku: "NET-ADDON-IPV6",
    name: "IPv6オプション(IPoE + IPv4 over IPv6)",
    nameEn: "IPv6 option (IPoE + IPv4 over IPv6)",
    description: "IPv6 IPoEとIPv4 over IPv6で、混み合う夜間も快適に通信できます。",
    descriptionEn: "IPv6 IPoE with IPv4 over IPv6 for faster evening speeds.",
    category: "Internet",
    itemClass: "Add-on",
    monthly: true,
    price: 200,
  },
  {
    sku: "NET-HOME1G-LEGACY",
    name: "光 ホーム 1ギガ(2019年プラン)",
    nameEn: "Fibre Home 1G (2019 plan)",
    description: "新規受付を終了しました。",
    descriptionEn: "Closed to new customers.",
    category: "Internet",
    itemClass: "Service",
    monthly: true,
    price: 5_200,
    offeringType: "Home 1G",
    tier: "Standard",
    visible: false,
  },
  simPlan("Data+Voice", 2, 773, 201),
  simPlan("Data+Voice", 5, 860, 202),
  simPlan("Data+Voice", 10, 1_270, 203),
  simPlan("Data+Voice", 20, 1_820, 204),
  simPlan("Data+Voice", 50, 3_500, 205),
  simPlan("Data Only", 2, 673, 211),
  simPlan("Data Only", 5, 760, 212),
  simPlan("Data Only", 10, 1_170, 213),
  simPlan("Data Only", 20, 1_720, 214),
  simPlan("Data Only", 50, 3_400, 215),
  {
    sku: "SIM-ACTIVATION",
    name: "SIM初期費用",
    nameEn: "SIM activation fee",
    description: "ご契約時に一度だけかかる初期費用。",
    descriptionEn: "One-time contract fee (初期費用).",
    category: "SIM",
    itemClass: "Activation",
    monthly: false,
    price: 3_000,
  },
  {
    sku: "SIM-ISSUE-PHYSICAL",
    name: "SIMカード発行手数料",
    nameEn: "SIM card issue fee",
    description: "nano/micro/標準SIMカードの発行と配送。",
    descriptionEn: "Issue and delivery of a nano/micro/standard SIM card.",
    category: "SIM",
    itemClass: "Activation",
    monthly: false,
    price: 394,
    simType: "Physical",
  },
  {
    sku: "SIM-ISSUE-ESIM",
    name: "eSIMプロファイル発行手数料",
    nameEn: "eSIM profile issue fee",
    description: "端末のEIDに合わせたeSIMプロファイルを発行し、QRコードでダウンロードします。",
    descriptionEn: "eSIM profile for the device's EID, downloaded by QR code.",
    category: "SIM",
    itemClass: "Activation",
    monthly: false,
    price: 200,
    simType: "eSIM",
  },
  {
    sku: "SIM-VOICE-5MIN",
    name: "5分かけ放題",
    nameEn: "Calls up to 5 min free",
    description: "1回5分以内の国内通話が無料になります。",
    descriptionEn: "Domestic calls of up to 5 minutes each at no charge.",
    category: "SIM",
    itemClass: "Add-on",
    monthly: true,
    price: 455,
    simPlanType: "Data+Voice",
  },
  {
    sku: "SIM-VOICE-10MIN",
    name: "10分かけ放題",
    nameEn: "Calls up to 10 min free",
    description: "1回10分以内の国内通話が無料になります。",
    descriptionEn: "Domestic calls of up to 10 minutes each at no charge.",
    category: "SIM",
    itemClass: "Add-on",
    monthly: true,
    price: 637,
    simPlanType: "Data+Voice",
  },
  {
    sku: "SIM-VOICE-UNLIMITED",
    name: "かけ放題",
    nameEn: "Unlimited calls",
    description: "国内通話がすべて無料になります。",
    descriptionEn: "All domestic calls at no charge.",
    category: "SIM",
    itemClass: "Add-on",
    monthly: true,
    price: 1_273,
    simPlanType: "Data+Voice",
  },
  {
    sku: "SIM-DATA-100GB",
    name: "データSIM 100GB",
    nameEn: "SIM Data Only 100GB",
    description: "キャンペーンプラン(受付終了)。",
    descriptionEn: "Campaign plan, ended.",
    category: "SIM",
    itemClass: "Service",
    monthly: true,
    price: 5_000,
    dataSizeGb: 100,
    simPlanType: "Data Only",
    active: false,
  },
  {
    sku: "VPN-ROUTER-STD",
    name: "VPNルーター スタンダード",
    nameEn: "VPN router Standard",
    description: "1拠点向けVPNルーターのレンタル。IPsec/L2TP対応、最大300Mbps。",
    descriptionEn: "Rental VPN router for one site, IPsec/L2TP, up to 300 Mbps.",
    category: "VPN",
    itemClass: "Service",
    monthly: true,
    price: 2_500,
    whmcsProductId: "301",
  },
  {
    sku: "VPN-ROUTER-PRO",
    name: "VPNルーター プロ",
    nameEn: "VPN router Pro",
    description: "複数拠点向けVPNルーターのレンタル。IPsec/WireGuard対応、最大1Gbps、電源冗長。",
    descriptionEn:
      "Rental VPN router for several sites, IPsec/WireGuard, up to 1 Gbps, redundant power.",
    category: "VPN",
    itemClass: "Service",
    monthly: true,
    price: 4_500,
    whmcsProductId: "302",
  },
  {
    sku: "VPN-ACTIVATION",
    name: "VPN初期設定費用",
    nameEn: "VPN setup fee",
    description: "ルーターの事前設定と発送。",
    descriptionEn: "Pre-configuration and delivery of the router.",
    category: "VPN",
    itemClass: "Activation",
    monthly: false,
    price: 3_000,
  },
  {
    sku: "VPN-ADDON-SUPPORT",
    name: "VPNオンサイト保守",
    nameEn: "VPN on-site support",
    description: "翌営業日にオンサイトで機器を交換します。",
    descriptionEn: "Next-business-day on-site replacement.",
    category: "VPN",
    itemClass: "Add-on",
    monthly: true,
    price: 1_000,
    entryActive: false,
  },
];

/**
 * The catalog part of the Salesforce demo data: the standard price book and the portal price book
 * (`Portal`), every product of {@link PRODUCTS} as a Product2 (`01tDEMO…`, in list order, named in Japanese
 * with the English name in `Name_En__c`, decision 0064) with an
 * entry in both price books (standard `01uDEMO` odd numbers, portal even), `Display_Order__c` in
 * steps of 10. Created 14 months before `seedDate`, like the accounts.
 */
export function catalogSeed(seedDate: string): Record<string, SfRecord[]> {
  const created = `${addMonths(seedDate, -14)}T01:00:00.000+0000`;
  const stamps = {
    IsDeleted: false,
    CreatedDate: created,
    LastModifiedDate: created,
    SystemModstamp: created,
  };
  const pricebooks: SfRecord[] = [
    {
      ...stamps,
      Id: STANDARD_PRICEBOOK_ID,
      Name: "Standard Price Book",
      Description: null,
      IsActive: true,
      IsStandard: true,
    },
    {
      ...stamps,
      Id: PORTAL_PRICEBOOK_ID,
      Name: PORTAL_PRICEBOOK_NAME,
      Description: "Prices offered on the customer portal (yen, tax excluded)",
      IsActive: true,
      IsStandard: false,
    },
  ];
  const products: SfRecord[] = [];
  const entries: SfRecord[] = [];
  PRODUCTS.forEach((product, index) => {
    const productId = demoId("01t", index + 1);
    products.push({
      ...stamps,
      Id: productId,
      Name: product.name,
      Name_En__c: product.nameEn,
      ProductCode: product.sku,
      Description: product.description,
      Description_En__c: product.descriptionEn,
      StockKeepingUnit: product.sku,
      IsActive: product.active ?? true,
      Portal_Category__c: product.category,
      Portal_Visible__c: product.visible ?? true,
      Item_Class__c: product.itemClass,
      Billing_Cycle__c: product.monthly ? "Monthly" : "Onetime",
      WH_Product_ID__c: product.whmcsProductId ?? null,
      Internet_Offering_Type__c: product.offeringType ?? null,
      Internet_Plan_Tier__c: product.tier ?? null,
      SIM_Data_Size__c: product.dataSizeGb ?? null,
      SIM_Plan_Type__c: product.simPlanType ?? null,
      SIM_Type__c: product.simType ?? null,
      Display_Order__c: (index + 1) * 10,
    });
    for (const [offset, pricebookId] of [STANDARD_PRICEBOOK_ID, PORTAL_PRICEBOOK_ID].entries()) {
      entries.push({
        ...stamps,
        Id: demoId("01u", index * 2 + offset + 1),
        Pricebook2Id: pricebookId,
        Product2Id: productId,
        UnitPrice: product.price,
        IsActive: pricebookId === PORTAL_PRICEBOOK_ID ? (product.entryActive ?? true) : true,
        UseStandardPrice: false,
      });
    }
  });
  return { Product2: products, Pricebook2: pricebooks, PricebookEntry: entries };
}

/** The portal price book entry id of the seeded product with `sku` (tests, docs). */
export function portalEntryId(sku: string): string {
  const index = PRODUCTS.findIndex((product) => product.sku === sku);
  if (index < 0) throw new Error(`No seeded product ${sku}`);
  return demoId("01u", index * 2 + 2);
}
