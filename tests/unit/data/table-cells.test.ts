// Qualifiers in every cell that shows the level or figure (issue 22): the dataset table's level
// column reads "Hoàn thành tốt nhiệm vụ trở lên", and no qualifier stands in a column of its own.
import { describe, expect, it } from "vitest";
import { ratingSchema, trainingSchema } from "../../../src/lib/data/schemas.ts";
import { columnsOf, isQualifierColumn, qualifiedCell } from "../../../src/lib/data/present.ts";

const ratings = columnsOf(ratingSchema);
const training = columnsOf(trainingSchema);
const column = (columns: typeof ratings, name: string) => columns.find((c) => c.name === name)!;

describe("qualifiedCell", () => {
  it("keeps “trở lên” with the level", () => {
    const row = { rating: "hoan-thanh-tot", qualifier: "trở lên", count: 45 };
    expect(qualifiedCell(ratings, column(ratings, "rating"), row)).toBe(
      "Hoàn thành tốt nhiệm vụ trở lên",
    );
    expect(qualifiedCell(ratings, column(ratings, "count"), row)).toBe("45");
  });

  it("keeps “trên” with the figure it qualifies, and an exact level or figure as it is", () => {
    const row = { participants: 17985, participants_qualifier: "trên" };
    expect(qualifiedCell(training, column(training, "participants"), row)).toBe("trên 17.985");
    expect(qualifiedCell(ratings, column(ratings, "rating"), { rating: "hoan-thanh" })).toBe(
      "Hoàn thành nhiệm vụ",
    );
  });

  it("leaves no qualifier column to show apart", () => {
    expect(ratings.filter(isQualifierColumn).map((c) => c.name)).toEqual(["qualifier"]);
    expect(training.filter(isQualifierColumn).map((c) => c.name)).toEqual([
      "participants_qualifier",
    ]);
  });
});
