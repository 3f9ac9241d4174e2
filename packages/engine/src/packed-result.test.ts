import { serialize } from "node:v8";
import { exampleResult } from "@mlops-report/testing/example";
import { describe, expect, it } from "vitest";
import { isPacked, packResult, unpackResult } from "./packed-result.js";

describe("a packed result", () => {
  it("reads back as it was, with its path and counts at hand, in a fraction of its serialized size", () => {
    const result = exampleResult("class/g1/reports/README.md");
    const packed = packResult(result);
    expect(isPacked(packed)).toBe(true);
    expect(isPacked(result)).toBe(false);
    expect(packed).toMatchObject({
      filePath: result.filePath,
      errorCount: result.errorCount,
      warningCount: result.warningCount,
    });
    expect(unpackResult(packed)).toEqual(result);
    expect(unpackResult(packed)).not.toBe(unpackResult(packed));
    expect(packed.bytes.length * 2).toBeLessThan(serialize(result).length);
  });

  it("crosses to another thread as plain data", () => {
    const packed = packResult(exampleResult());
    expect(unpackResult(structuredClone(packed))).toEqual(exampleResult());
  });
});
