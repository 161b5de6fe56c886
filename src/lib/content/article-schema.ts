import { z } from "zod";
import { TOPIC_IDS } from "../../consts.ts";
import { isCalendarMoment } from "../calendar.ts";

/** A local date or date-time as the source prints it, in Vietnam time: "2023-02-28" or "2023-02-28T05:40:48". */
const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/, "expected yyyy-mm-dd or yyyy-mm-ddThh:mm[:ss]")
  // The pattern lets "2023-02-30" or "T24:00" through; Date would roll them into another day.
  .refine(isCalendarMoment, "not a real date or time (check the day, month and hour)");


export const articleSchema = z
  .object({
    /** Headline exactly as the source prints it. */
    title: z.string().min(1),
    /** Line the source prints above the headline, as printed, e.g. "Đảng bộ Khối các cơ quan tỉnh:". */
    kicker: z.string().min(1).optional(),
    /** Publication or update moment the source gives, Vietnam local time; omit when the source gives none. */
    published: localDateTime.optional(),
    /** How the source labels that moment, e.g. "Cập nhật ngày" or the page's own date line. */
    publishedLabel: z.string().min(1).optional(),
    /** The period the article's figures describe, as the source states it, e.g. "năm 2014", "đến hết năm 2020". */
    period: z.string().min(1).optional(),
    /** Year used only to order undated articles among themselves; taken from `period`, never shown as a date. */
    periodYear: z.number().int().min(1930).max(2100).optional(),
    source: z.object({
      /** Outlet or site as the source names it, e.g. "Báo Lạng Sơn (LSO)". */
      outlet: z.string().min(1),
      /** Prefix the source puts before the lead, e.g. "LSO", "ĐTO". */
      mark: z.string().min(1).optional(),
    }),
    locality: z.object({
      /** Province, e.g. "Quảng Bình". */
      province: z.string().min(1),
      /** District, town or city within the province, when the article is about one. */
      district: z.string().min(1).optional(),
    }),
    /** The party organisation the article is about, e.g. "Đảng bộ huyện Tuyên Hóa". */
    unit: z.string().min(1),
    /** Byline as the source prints it, with the role the source gives; omitted when there is none. */
    author: z
      .object({
        name: z.string().min(1),
        role: z.string().min(1).optional(),
      })
      .optional(),
    /** One or two sentences for lists, feeds and social cards; words from the article, no new figures. */
    summary: z.string().min(1).max(400),
    topics: z.array(z.enum(TOPIC_IDS)).min(1),
  })
  .strict()
  .refine((a) => a.published !== undefined || a.publishedLabel === undefined, {
    message: "publishedLabel needs published",
    path: ["publishedLabel"],
  });

export type ArticleData = z.infer<typeof articleSchema>;
