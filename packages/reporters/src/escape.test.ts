import { describe, expect, it } from "vitest";
import {
  escapeGithubData,
  escapeGithubProperty,
  escapeHtml,
  escapeXmlAttribute,
  escapeXmlText,
  terminalSafe,
  xmlSafeText,
} from "./escape.js";

describe("XML escaping", () => {
  it("escapes markup in element content, so that ]]> cannot end anything", () => {
    expect(escapeXmlText("a < b && c > d ]]>")).toBe("a &lt; b &amp;&amp; c &gt; d ]]&gt;");
  });

  it("keeps quotes in content but escapes them, tabs and line breaks in attributes", () => {
    expect(escapeXmlText(`"x"\t'y'\nz\r`)).toBe(`"x"\t'y'\nz&#13;`);
    expect(escapeXmlAttribute(`"x"\t'y'\nz\r<&>`)).toBe(
      "&quot;x&quot;&#9;&apos;y&apos;&#10;z&#13;&lt;&amp;&gt;",
    );
  });

  it("shows C0 controls as control pictures and replaces lone surrogates and noncharacters", () => {
    expect(xmlSafeText("a\u0000b\u0007c\u001Fd\u000Be")).toBe("a\u2400b\u2407c\u241Fd\u240Be");
    expect(xmlSafeText("x\uD800y\uDC00z\uFFFE\uFFFF")).toBe("x\uFFFDy\uFFFDz\uFFFD\uFFFD");
  });

  it("keeps emoji, other scripts and surrogate pairs as they are", () => {
    expect(escapeXmlText("ok 🎉 æøå 日本")).toBe("ok 🎉 æøå 日本");
  });
});

describe("HTML escaping", () => {
  it("escapes the five markup characters", () => {
    expect(escapeHtml(`<script>alert("1")</script> & 'x'`)).toBe(
      "&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt; &amp; &#39;x&#39;",
    );
    expect(escapeHtml("<img src=x onerror=alert(1)>")).toBe("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("replaces NUL, which HTML parsers drop or replace inconsistently", () => {
    expect(escapeHtml("a\u0000b")).toBe("a\u2400b");
  });
});

describe("terminal text", () => {
  it("turns line breaks and tabs into spaces", () => {
    expect(terminalSafe("one\ntwo\r\nthree\rfour\tfive")).toBe("one two three four five");
  });

  it("neutralises escape sequences, C1 controls and bidirectional overrides", () => {
    expect(terminalSafe("\u001b[31mred\u001b[0m")).toBe("\u241b[31mred\u241b[0m");
    expect(terminalSafe("a\u009bb\u007fc")).toBe("a<U+009B>b\u2421c");
    expect(terminalSafe("abc\u202Edef\u2066")).toBe("abc<U+202E>def<U+2066>");
  });
});

describe("GitHub workflow command escaping", () => {
  it("escapes %, CR and LF in messages and nothing else", () => {
    expect(escapeGithubData("100% done\r\nnext: a, b")).toBe("100%25 done%0D%0Anext: a, b");
  });

  it("also escapes : and , in properties", () => {
    expect(escapeGithubProperty("C:\\dir,x%\n")).toBe("C%3A\\dir%2Cx%25%0A");
  });

  it("escapes an already escaped sequence again, so that it decodes to itself", () => {
    expect(escapeGithubData("%0A")).toBe("%250A");
  });
});
