import { z } from "zod";

/**
 * The 47 prefectures of Japan in JIS X 0401 order, romanised as WHMCS stores them in the
 * client `state` field.
 */
export const PREFECTURES = [
  "Hokkaido",
  "Aomori",
  "Iwate",
  "Miyagi",
  "Akita",
  "Yamagata",
  "Fukushima",
  "Ibaraki",
  "Tochigi",
  "Gunma",
  "Saitama",
  "Chiba",
  "Tokyo",
  "Kanagawa",
  "Niigata",
  "Toyama",
  "Ishikawa",
  "Fukui",
  "Yamanashi",
  "Nagano",
  "Gifu",
  "Shizuoka",
  "Aichi",
  "Mie",
  "Shiga",
  "Kyoto",
  "Osaka",
  "Hyogo",
  "Nara",
  "Wakayama",
  "Tottori",
  "Shimane",
  "Okayama",
  "Hiroshima",
  "Yamaguchi",
  "Tokushima",
  "Kagawa",
  "Ehime",
  "Kochi",
  "Fukuoka",
  "Saga",
  "Nagasaki",
  "Kumamoto",
  "Oita",
  "Miyazaki",
  "Kagoshima",
  "Okinawa",
] as const;

export const prefectureSchema = z.enum(PREFECTURES, {
  error: "Choose a prefecture",
});
export type Prefecture = z.infer<typeof prefectureSchema>;

/**
 * The prefectures' Japanese names in the same JIS X 0401 order as {@link PREFECTURES}, as the
 * Japan Post postcode data spells them (e.g. `東京都`, `大阪府`).
 */
const PREFECTURE_NAMES_JA = [
  "北海道",
  "青森県",
  "岩手県",
  "宮城県",
  "秋田県",
  "山形県",
  "福島県",
  "茨城県",
  "栃木県",
  "群馬県",
  "埼玉県",
  "千葉県",
  "東京都",
  "神奈川県",
  "新潟県",
  "富山県",
  "石川県",
  "福井県",
  "山梨県",
  "長野県",
  "岐阜県",
  "静岡県",
  "愛知県",
  "三重県",
  "滋賀県",
  "京都府",
  "大阪府",
  "兵庫県",
  "奈良県",
  "和歌山県",
  "鳥取県",
  "島根県",
  "岡山県",
  "広島県",
  "山口県",
  "徳島県",
  "香川県",
  "愛媛県",
  "高知県",
  "福岡県",
  "佐賀県",
  "長崎県",
  "熊本県",
  "大分県",
  "宮崎県",
  "鹿児島県",
  "沖縄県",
] as const;

/** The Japanese name of `prefecture` (e.g. `Tokyo` → `東京都`). */
export function prefectureNameJa(prefecture: Prefecture): string {
  return PREFECTURE_NAMES_JA[PREFECTURES.indexOf(prefecture)] ?? prefecture;
}

/** The prefecture whose Japanese name is `name` (e.g. `東京都` → `Tokyo`), or null. */
export function prefectureFromJa(name: string): Prefecture | null {
  const index = PREFECTURE_NAMES_JA.indexOf(name as (typeof PREFECTURE_NAMES_JA)[number]);
  return index >= 0 ? (PREFECTURES[index] ?? null) : null;
}
