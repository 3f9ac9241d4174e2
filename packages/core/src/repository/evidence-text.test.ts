import { describe, expect, it } from "vitest";
import { evidenceText } from "./evidence-text.js";

describe("evidenceText", () => {
  it("blanks task-list lines in any file, keeping the line count", () => {
    const text =
      "# Plan\n- [ ] Load test your application (M24)\n* [x] Use DVC\n1. [ ] Deploy\nWe run locust nightly.\n";
    expect(evidenceText("CHECKLIST.md", text)).toBe("# Plan\n\n\n\nWe run locust nightly.\n");
  });

  it("blanks # comments in code and config files, whole lines and line ends", () => {
    const py = '# Load test dataset\nimport torch  # no locust here\ncolor = "#fff"\n';
    expect(evidenceText("src/data.py", py)).toBe('\nimport torch  \ncolor = "#fff"\n');
    const yaml = "steps:\n  # - run: ruff check .\n  - run: pytest\n";
    expect(evidenceText(".github/workflows/ci.yaml", yaml)).toBe("steps:\n  \n  - run: pytest\n");
    expect(evidenceText("requirements.txt", "torch\n# wandb\n")).toBe("torch\n\n");
    expect(evidenceText("dockerfiles/api.dockerfile", "# docker build\nFROM python\n")).toBe(
      "\nFROM python\n",
    );
  });

  it("keeps # in files where it is no comment, and returns unchanged text as it is", () => {
    const md = "# Heading\nWe used wandb.\n";
    expect(evidenceText("README.md", md)).toBe(md);
    const js = "const a = '#x';\n";
    expect(evidenceText("app.js", js)).toBe(js);
  });

  it("blanks every line of a file whose opening says it is another project's code", () => {
    const vendored =
      '"""Trainer for image models.\n\nStarted from the torchvision reference scripts (https://example.org/vision).\n"""\nimport torch.distributed\n';
    expect(evidenceText("src/train.py", vendored)).toBe("\n".repeat(5));
    const licensed = "// SPDX-License-Identifier: MIT\nimport wandb\n";
    expect(evidenceText("tools/sync.py", licensed)).toBe("\n\n");
    const credited = "# Copyright 2021 A. Author (https://example.org/a)\nimport onnx\n";
    expect(evidenceText("export.py", credited)).toBe("\n\n");
  });

  it("keeps a file whose opening names no other project", () => {
    const own = '"""Our training loop, started from scratch in week 1."""\nimport wandb\n';
    expect(evidenceText("src/train.py", own)).toBe(own);
  });
});
