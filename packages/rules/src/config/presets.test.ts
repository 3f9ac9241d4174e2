import { COURSE_TEMPLATE_YEARS } from "@mlops-report/testing/years";
import { describe, expect, it } from "vitest";
import { courseYears, presetNames, questionCountOf, templateYears } from "./presets.js";

describe("the course years, read from the year presets", () => {
  it("lists the years and the presets of the folder", () => {
    expect(courseYears()).toEqual([2023, 2024, 2025, 2026]);
    expect(presetNames()).toEqual(["2023", "2024", "2025", "2026", "base", "catalog"]);
  });

  it("gives each year's template as the tests' fixture has it", () => {
    expect(templateYears()).toEqual(COURSE_TEMPLATE_YEARS);
    expect([2023, 2024, 2025, 2026, null].map(questionCountOf)).toEqual([27, 27, 31, 31, 31]);
  });
});
