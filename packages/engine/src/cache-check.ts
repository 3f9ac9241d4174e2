// biome-ignore-all lint: generated code
// @ts-nocheck: the compiler writes JavaScript (its TypeScript does not parse); the exports are typed below.
/*
 * Generated from the declarations of `cache-schema.ts` by TypeBox's compiler: do not edit. After a change to
 * them, `npx vitest run src/cache-check.test.ts -u` writes this file anew.
 */
import type { CacheEntry, CacheHeader } from "./cache-schema.js";

/** Whether a parsed first line is a cache header of ours (of any format or version). */
export const isCacheHeader = (() => {
  return function check(value) {
    return (
      typeof value === "object" &&
      value !== null &&
      !Array.isArray(value) &&
      value["tool"] === "mlops-report" &&
      Number.isFinite(value["cacheFormat"]) &&
      typeof value["version"] === "string" &&
      typeof value["sha256"] === "string"
    );
  };
})() as (value: unknown) => value is CacheHeader;

/** Whether parsed JSON is a map of report paths to cache entries of the shape this version writes. */
export const isCacheEntries = (() => {
  const local_0 = /^(.*)$/;
  const local_1 = /^(.*)$/;
  return function check(value) {
    return (
      typeof value === "object" &&
      value !== null &&
      !Array.isArray(value) &&
      !(value instanceof Date) &&
      !(value instanceof Uint8Array) &&
      Object.entries(value).every(([key, value]) =>
        local_0.test(key)
          ? typeof value === "object" &&
            value !== null &&
            !Array.isArray(value) &&
            typeof value["key"] === "string" &&
            (value["detail"] === "full" || value["detail"] === "slim") &&
            Array.isArray(value["files"]) &&
            ((array) => {
              for (const value of array)
                if (
                  !(
                    typeof value === "object" &&
                    value !== null &&
                    !Array.isArray(value) &&
                    (value["op"] === "list" || value["op"] === "exists") &&
                    typeof value["path"] === "string" &&
                    typeof value["state"] === "string"
                  )
                ) {
                  return false;
                }
              return true;
            })(value["files"]) &&
            Array.isArray(value["configFiles"]) &&
            ((array) => {
              for (const value of array)
                if (
                  !(
                    typeof value === "object" &&
                    value !== null &&
                    !Array.isArray(value) &&
                    typeof value["path"] === "string" &&
                    typeof value["hash"] === "string"
                  )
                ) {
                  return false;
                }
              return true;
            })(value["configFiles"]) &&
            Array.isArray(value["pluginRules"]) &&
            ((array) => {
              for (const value of array)
                if (
                  !(
                    typeof value === "object" &&
                    value !== null &&
                    !Array.isArray(value) &&
                    typeof value["id"] === "string" &&
                    typeof value["description"] === "string" &&
                    typeof value["docs"] === "string" &&
                    (value["defaultSeverity"] === "error" ||
                      value["defaultSeverity"] === "warning" ||
                      value["defaultSeverity"] === "info" ||
                      value["defaultSeverity"] === "off") &&
                    (value["fixable"] !== undefined ? typeof value["fixable"] === "boolean" : true)
                  )
                ) {
                  return false;
                }
              return true;
            })(value["pluginRules"]) &&
            typeof value["result"] === "object" &&
            value["result"] !== null &&
            !Array.isArray(value["result"]) &&
            typeof value["result"]["report"] === "object" &&
            value["result"]["report"] !== null &&
            !Array.isArray(value["result"]["report"]) &&
            typeof value["result"]["report"]["source"] === "object" &&
            value["result"]["report"]["source"] !== null &&
            !Array.isArray(value["result"]["report"]["source"]) &&
            typeof value["result"]["report"]["source"]["path"] === "string" &&
            typeof value["result"]["report"]["source"]["text"] === "string" &&
            typeof value["result"]["report"]["source"]["hadBom"] === "boolean" &&
            (value["result"]["report"]["source"]["lineEnding"] === "lf" ||
              value["result"]["report"]["source"]["lineEnding"] === "crlf" ||
              value["result"]["report"]["source"]["lineEnding"] === "mixed" ||
              value["result"]["report"]["source"]["lineEnding"] === "none") &&
            Number.isFinite(value["result"]["report"]["source"]["lineCount"]) &&
            ((typeof value["result"]["report"]["source"]["frontMatter"] === "object" &&
              value["result"]["report"]["source"]["frontMatter"] !== null &&
              !Array.isArray(value["result"]["report"]["source"]["frontMatter"]) &&
              typeof value["result"]["report"]["source"]["frontMatter"]["raw"] === "string" &&
              typeof value["result"]["report"]["source"]["frontMatter"]["range"] === "object" &&
              value["result"]["report"]["source"]["frontMatter"]["range"] !== null &&
              !Array.isArray(value["result"]["report"]["source"]["frontMatter"]["range"]) &&
              typeof value["result"]["report"]["source"]["frontMatter"]["range"]["start"] === "object" &&
              value["result"]["report"]["source"]["frontMatter"]["range"]["start"] !== null &&
              !Array.isArray(value["result"]["report"]["source"]["frontMatter"]["range"]["start"]) &&
              Number.isFinite(value["result"]["report"]["source"]["frontMatter"]["range"]["start"]["line"]) &&
              Number.isFinite(
                value["result"]["report"]["source"]["frontMatter"]["range"]["start"]["column"],
              ) &&
              Number.isFinite(
                value["result"]["report"]["source"]["frontMatter"]["range"]["start"]["offset"],
              ) &&
              typeof value["result"]["report"]["source"]["frontMatter"]["range"]["end"] === "object" &&
              value["result"]["report"]["source"]["frontMatter"]["range"]["end"] !== null &&
              !Array.isArray(value["result"]["report"]["source"]["frontMatter"]["range"]["end"]) &&
              Number.isFinite(value["result"]["report"]["source"]["frontMatter"]["range"]["end"]["line"]) &&
              Number.isFinite(value["result"]["report"]["source"]["frontMatter"]["range"]["end"]["column"]) &&
              Number.isFinite(
                value["result"]["report"]["source"]["frontMatter"]["range"]["end"]["offset"],
              )) ||
              value["result"]["report"]["source"]["frontMatter"] === null) &&
            typeof value["result"]["report"]["template"] === "object" &&
            value["result"]["report"]["template"] !== null &&
            !Array.isArray(value["result"]["report"]["template"]) &&
            (Number.isInteger(value["result"]["report"]["template"]["year"]) ||
              value["result"]["report"]["template"]["year"] === "unknown") &&
            Number.isFinite(value["result"]["report"]["template"]["questionCount"]) &&
            (value["result"]["report"]["template"]["answerStyle"] === "dashes" ||
              value["result"]["report"]["template"]["answerStyle"] === "plain") &&
            Array.isArray(value["result"]["report"]["template"]["fingerprints"]) &&
            ((array) => {
              for (const value of array)
                if (!(typeof value === "string")) {
                  return false;
                }
              return true;
            })(value["result"]["report"]["template"]["fingerprints"]) &&
            typeof value["result"]["report"]["checklist"] === "object" &&
            value["result"]["report"]["checklist"] !== null &&
            !Array.isArray(value["result"]["report"]["checklist"]) &&
            (Number.isFinite(value["result"]["report"]["checklist"]["line"]) ||
              value["result"]["report"]["checklist"]["line"] === null) &&
            Array.isArray(value["result"]["report"]["checklist"]["sections"]) &&
            ((array) => {
              for (const value of array)
                if (
                  !(
                    typeof value === "object" &&
                    value !== null &&
                    !Array.isArray(value) &&
                    typeof value["title"] === "string" &&
                    Number.isFinite(value["line"]) &&
                    Array.isArray(value["items"]) &&
                    ((array) => {
                      for (const value of array)
                        if (
                          !(
                            typeof value === "object" &&
                            value !== null &&
                            !Array.isArray(value) &&
                            typeof value["text"] === "string" &&
                            (typeof value["module"] === "string" || value["module"] === null) &&
                            typeof value["mark"] === "string" &&
                            (value["state"] === "checked" ||
                              value["state"] === "unchecked" ||
                              value["state"] === "other") &&
                            Number.isFinite(value["line"]) &&
                            Number.isFinite(value["column"]) &&
                            typeof value["range"] === "object" &&
                            value["range"] !== null &&
                            !Array.isArray(value["range"]) &&
                            typeof value["range"]["start"] === "object" &&
                            value["range"]["start"] !== null &&
                            !Array.isArray(value["range"]["start"]) &&
                            Number.isFinite(value["range"]["start"]["line"]) &&
                            Number.isFinite(value["range"]["start"]["column"]) &&
                            Number.isFinite(value["range"]["start"]["offset"]) &&
                            typeof value["range"]["end"] === "object" &&
                            value["range"]["end"] !== null &&
                            !Array.isArray(value["range"]["end"]) &&
                            Number.isFinite(value["range"]["end"]["line"]) &&
                            Number.isFinite(value["range"]["end"]["column"]) &&
                            Number.isFinite(value["range"]["end"]["offset"])
                          )
                        ) {
                          return false;
                        }
                      return true;
                    })(value["items"])
                  )
                ) {
                  return false;
                }
              return true;
            })(value["result"]["report"]["checklist"]["sections"]) &&
            Array.isArray(value["result"]["report"]["questions"]) &&
            ((array) => {
              for (const value of array)
                if (
                  !(
                    typeof value === "object" &&
                    value !== null &&
                    !Array.isArray(value) &&
                    Number.isFinite(value["number"]) &&
                    (typeof value["section"] === "string" || value["section"] === null) &&
                    typeof value["heading"] === "string" &&
                    Number.isFinite(value["line"]) &&
                    Number.isFinite(value["column"]) &&
                    typeof value["range"] === "object" &&
                    value["range"] !== null &&
                    !Array.isArray(value["range"]) &&
                    typeof value["range"]["start"] === "object" &&
                    value["range"]["start"] !== null &&
                    !Array.isArray(value["range"]["start"]) &&
                    Number.isFinite(value["range"]["start"]["line"]) &&
                    Number.isFinite(value["range"]["start"]["column"]) &&
                    Number.isFinite(value["range"]["start"]["offset"]) &&
                    typeof value["range"]["end"] === "object" &&
                    value["range"]["end"] !== null &&
                    !Array.isArray(value["range"]["end"]) &&
                    Number.isFinite(value["range"]["end"]["line"]) &&
                    Number.isFinite(value["range"]["end"]["column"]) &&
                    Number.isFinite(value["range"]["end"]["offset"]) &&
                    typeof value["prompt"] === "string" &&
                    (typeof value["example"] === "string" || value["example"] === null) &&
                    typeof value["constraints"] === "object" &&
                    value["constraints"] !== null &&
                    !Array.isArray(value["constraints"]) &&
                    (value["constraints"]["words"] !== undefined
                      ? typeof value["constraints"]["words"] === "object" &&
                        value["constraints"]["words"] !== null &&
                        !Array.isArray(value["constraints"]["words"]) &&
                        Number.isFinite(value["constraints"]["words"]["min"]) &&
                        Number.isFinite(value["constraints"]["words"]["max"])
                      : true) &&
                    (value["constraints"]["images"] !== undefined
                      ? typeof value["constraints"]["images"] === "object" &&
                        value["constraints"]["images"] !== null &&
                        !Array.isArray(value["constraints"]["images"]) &&
                        Number.isFinite(value["constraints"]["images"]["min"]) &&
                        Number.isFinite(value["constraints"]["images"]["max"])
                      : true) &&
                    (value["constraints"]["sourceText"] !== undefined
                      ? typeof value["constraints"]["sourceText"] === "string"
                      : true) &&
                    typeof value["answer"] === "object" &&
                    value["answer"] !== null &&
                    !Array.isArray(value["answer"]) &&
                    (value["answer"]["state"] === "answered" ||
                      value["answer"]["state"] === "placeholder" ||
                      value["answer"]["state"] === "empty") &&
                    (value["answer"]["wrapper"] === "dashes" ||
                      value["answer"]["wrapper"] === "none" ||
                      value["answer"]["wrapper"] === "unbalanced") &&
                    typeof value["answer"]["leftoverPlaceholder"] === "boolean" &&
                    Array.isArray(value["answer"]["placeholders"]) &&
                    ((array) => {
                      for (const value of array)
                        if (
                          !(
                            typeof value === "object" &&
                            value !== null &&
                            !Array.isArray(value) &&
                            typeof value["start"] === "object" &&
                            value["start"] !== null &&
                            !Array.isArray(value["start"]) &&
                            Number.isFinite(value["start"]["line"]) &&
                            Number.isFinite(value["start"]["column"]) &&
                            Number.isFinite(value["start"]["offset"]) &&
                            typeof value["end"] === "object" &&
                            value["end"] !== null &&
                            !Array.isArray(value["end"]) &&
                            Number.isFinite(value["end"]["line"]) &&
                            Number.isFinite(value["end"]["column"]) &&
                            Number.isFinite(value["end"]["offset"])
                          )
                        ) {
                          return false;
                        }
                      return true;
                    })(value["answer"]["placeholders"]) &&
                    Number.isFinite(value["answer"]["line"]) &&
                    Number.isFinite(value["answer"]["column"]) &&
                    typeof value["answer"]["range"] === "object" &&
                    value["answer"]["range"] !== null &&
                    !Array.isArray(value["answer"]["range"]) &&
                    typeof value["answer"]["range"]["start"] === "object" &&
                    value["answer"]["range"]["start"] !== null &&
                    !Array.isArray(value["answer"]["range"]["start"]) &&
                    Number.isFinite(value["answer"]["range"]["start"]["line"]) &&
                    Number.isFinite(value["answer"]["range"]["start"]["column"]) &&
                    Number.isFinite(value["answer"]["range"]["start"]["offset"]) &&
                    typeof value["answer"]["range"]["end"] === "object" &&
                    value["answer"]["range"]["end"] !== null &&
                    !Array.isArray(value["answer"]["range"]["end"]) &&
                    Number.isFinite(value["answer"]["range"]["end"]["line"]) &&
                    Number.isFinite(value["answer"]["range"]["end"]["column"]) &&
                    Number.isFinite(value["answer"]["range"]["end"]["offset"]) &&
                    typeof value["answer"]["text"] === "string" &&
                    Array.isArray(value["answer"]["blocks"]) &&
                    ((array) => {
                      for (const value of array)
                        if (
                          !(
                            typeof value === "object" &&
                            value !== null &&
                            !Array.isArray(value) &&
                            (value["kind"] === "paragraph" ||
                              value["kind"] === "list-item" ||
                              value["kind"] === "heading" ||
                              value["kind"] === "table-cell" ||
                              value["kind"] === "html") &&
                            typeof value["text"] === "string" &&
                            Number.isFinite(value["line"]) &&
                            Number.isFinite(value["column"]) &&
                            Array.isArray(value["code"]) &&
                            ((array) => {
                              for (const value of array)
                                if (
                                  !(
                                    Array.isArray(value) &&
                                    value.length === 2 &&
                                    Number.isFinite(value[0]) &&
                                    Number.isFinite(value[1])
                                  )
                                ) {
                                  return false;
                                }
                              return true;
                            })(value["code"])
                          )
                        ) {
                          return false;
                        }
                      return true;
                    })(value["answer"]["blocks"]) &&
                    typeof value["answer"]["words"] === "object" &&
                    value["answer"]["words"] !== null &&
                    !Array.isArray(value["answer"]["words"]) &&
                    (Number.isFinite(value["answer"]["words"]["official"]) ||
                      value["answer"]["words"]["official"] === null) &&
                    Number.isFinite(value["answer"]["words"]["prose"]) &&
                    typeof value["answer"]["imageCount"] === "object" &&
                    value["answer"]["imageCount"] !== null &&
                    !Array.isArray(value["answer"]["imageCount"]) &&
                    (Number.isFinite(value["answer"]["imageCount"]["official"]) ||
                      value["answer"]["imageCount"]["official"] === null) &&
                    Number.isFinite(value["answer"]["imageCount"]["prose"]) &&
                    Array.isArray(value["answer"]["images"]) &&
                    ((array) => {
                      for (const value of array)
                        if (
                          !(
                            typeof value === "object" &&
                            value !== null &&
                            !Array.isArray(value) &&
                            typeof value["alt"] === "string" &&
                            typeof value["url"] === "string" &&
                            (value["kind"] === "markdown" ||
                              value["kind"] === "reference" ||
                              value["kind"] === "html" ||
                              value["kind"] === "remote" ||
                              value["kind"] === "in-code" ||
                              value["kind"] === "unrendered") &&
                            (value["syntax"] === "markdown" ||
                              value["syntax"] === "reference" ||
                              value["syntax"] === "html") &&
                            Number.isFinite(value["line"]) &&
                            Number.isFinite(value["column"]) &&
                            typeof value["range"] === "object" &&
                            value["range"] !== null &&
                            !Array.isArray(value["range"]) &&
                            typeof value["range"]["start"] === "object" &&
                            value["range"]["start"] !== null &&
                            !Array.isArray(value["range"]["start"]) &&
                            Number.isFinite(value["range"]["start"]["line"]) &&
                            Number.isFinite(value["range"]["start"]["column"]) &&
                            Number.isFinite(value["range"]["start"]["offset"]) &&
                            typeof value["range"]["end"] === "object" &&
                            value["range"]["end"] !== null &&
                            !Array.isArray(value["range"]["end"]) &&
                            Number.isFinite(value["range"]["end"]["line"]) &&
                            Number.isFinite(value["range"]["end"]["column"]) &&
                            Number.isFinite(value["range"]["end"]["offset"]) &&
                            (Number.isFinite(value["question"]) || value["question"] === null) &&
                            (typeof value["resolved"] === "string" || value["resolved"] === null) &&
                            (value["exists"] === "exists" ||
                              value["exists"] === "missing" ||
                              value["exists"] === "case-mismatch" ||
                              value["exists"] === "outside-repository" ||
                              value["exists"] === "not-checked") &&
                            (value["actualPath"] !== undefined
                              ? typeof value["actualPath"] === "string"
                              : true) &&
                            (value["ambiguousCase"] !== undefined ? value["ambiguousCase"] === true : true) &&
                            (value["unbracketedUrl"] !== undefined
                              ? typeof value["unbracketedUrl"] === "string"
                              : true) &&
                            (value["code"] !== undefined
                              ? typeof value["code"] === "object" &&
                                value["code"] !== null &&
                                !Array.isArray(value["code"]) &&
                                (value["code"]["kind"] === "span" || value["code"]["kind"] === "block") &&
                                typeof value["code"]["range"] === "object" &&
                                value["code"]["range"] !== null &&
                                !Array.isArray(value["code"]["range"]) &&
                                typeof value["code"]["range"]["start"] === "object" &&
                                value["code"]["range"]["start"] !== null &&
                                !Array.isArray(value["code"]["range"]["start"]) &&
                                Number.isFinite(value["code"]["range"]["start"]["line"]) &&
                                Number.isFinite(value["code"]["range"]["start"]["column"]) &&
                                Number.isFinite(value["code"]["range"]["start"]["offset"]) &&
                                typeof value["code"]["range"]["end"] === "object" &&
                                value["code"]["range"]["end"] !== null &&
                                !Array.isArray(value["code"]["range"]["end"]) &&
                                Number.isFinite(value["code"]["range"]["end"]["line"]) &&
                                Number.isFinite(value["code"]["range"]["end"]["column"]) &&
                                Number.isFinite(value["code"]["range"]["end"]["offset"])
                              : true)
                          )
                        ) {
                          return false;
                        }
                      return true;
                    })(value["answer"]["images"]) &&
                    Array.isArray(value["answer"]["links"]) &&
                    ((array) => {
                      for (const value of array)
                        if (
                          !(
                            typeof value === "object" &&
                            value !== null &&
                            !Array.isArray(value) &&
                            typeof value["text"] === "string" &&
                            typeof value["url"] === "string" &&
                            Number.isFinite(value["line"]) &&
                            Number.isFinite(value["column"])
                          )
                        ) {
                          return false;
                        }
                      return true;
                    })(value["answer"]["links"]) &&
                    Array.isArray(value["answer"]["code"]) &&
                    ((array) => {
                      for (const value of array)
                        if (
                          !(
                            typeof value === "object" &&
                            value !== null &&
                            !Array.isArray(value) &&
                            (typeof value["lang"] === "string" || value["lang"] === null) &&
                            typeof value["fenced"] === "boolean" &&
                            Number.isFinite(value["line"])
                          )
                        ) {
                          return false;
                        }
                      return true;
                    })(value["answer"]["code"])
                  )
                ) {
                  return false;
                }
              return true;
            })(value["result"]["report"]["questions"]) &&
            Array.isArray(value["result"]["report"]["images"]) &&
            ((array) => {
              for (const value of array)
                if (
                  !(
                    typeof value === "object" &&
                    value !== null &&
                    !Array.isArray(value) &&
                    typeof value["alt"] === "string" &&
                    typeof value["url"] === "string" &&
                    (value["kind"] === "markdown" ||
                      value["kind"] === "reference" ||
                      value["kind"] === "html" ||
                      value["kind"] === "remote" ||
                      value["kind"] === "in-code" ||
                      value["kind"] === "unrendered") &&
                    (value["syntax"] === "markdown" ||
                      value["syntax"] === "reference" ||
                      value["syntax"] === "html") &&
                    Number.isFinite(value["line"]) &&
                    Number.isFinite(value["column"]) &&
                    typeof value["range"] === "object" &&
                    value["range"] !== null &&
                    !Array.isArray(value["range"]) &&
                    typeof value["range"]["start"] === "object" &&
                    value["range"]["start"] !== null &&
                    !Array.isArray(value["range"]["start"]) &&
                    Number.isFinite(value["range"]["start"]["line"]) &&
                    Number.isFinite(value["range"]["start"]["column"]) &&
                    Number.isFinite(value["range"]["start"]["offset"]) &&
                    typeof value["range"]["end"] === "object" &&
                    value["range"]["end"] !== null &&
                    !Array.isArray(value["range"]["end"]) &&
                    Number.isFinite(value["range"]["end"]["line"]) &&
                    Number.isFinite(value["range"]["end"]["column"]) &&
                    Number.isFinite(value["range"]["end"]["offset"]) &&
                    (Number.isFinite(value["question"]) || value["question"] === null) &&
                    (typeof value["resolved"] === "string" || value["resolved"] === null) &&
                    (value["exists"] === "exists" ||
                      value["exists"] === "missing" ||
                      value["exists"] === "case-mismatch" ||
                      value["exists"] === "outside-repository" ||
                      value["exists"] === "not-checked") &&
                    (value["actualPath"] !== undefined ? typeof value["actualPath"] === "string" : true) &&
                    (value["ambiguousCase"] !== undefined ? value["ambiguousCase"] === true : true) &&
                    (value["unbracketedUrl"] !== undefined
                      ? typeof value["unbracketedUrl"] === "string"
                      : true) &&
                    (value["code"] !== undefined
                      ? typeof value["code"] === "object" &&
                        value["code"] !== null &&
                        !Array.isArray(value["code"]) &&
                        (value["code"]["kind"] === "span" || value["code"]["kind"] === "block") &&
                        typeof value["code"]["range"] === "object" &&
                        value["code"]["range"] !== null &&
                        !Array.isArray(value["code"]["range"]) &&
                        typeof value["code"]["range"]["start"] === "object" &&
                        value["code"]["range"]["start"] !== null &&
                        !Array.isArray(value["code"]["range"]["start"]) &&
                        Number.isFinite(value["code"]["range"]["start"]["line"]) &&
                        Number.isFinite(value["code"]["range"]["start"]["column"]) &&
                        Number.isFinite(value["code"]["range"]["start"]["offset"]) &&
                        typeof value["code"]["range"]["end"] === "object" &&
                        value["code"]["range"]["end"] !== null &&
                        !Array.isArray(value["code"]["range"]["end"]) &&
                        Number.isFinite(value["code"]["range"]["end"]["line"]) &&
                        Number.isFinite(value["code"]["range"]["end"]["column"]) &&
                        Number.isFinite(value["code"]["range"]["end"]["offset"])
                      : true)
                  )
                ) {
                  return false;
                }
              return true;
            })(value["result"]["report"]["images"]) &&
            Array.isArray(value["result"]["report"]["comments"]) &&
            ((array) => {
              for (const value of array)
                if (
                  !(
                    typeof value === "object" &&
                    value !== null &&
                    !Array.isArray(value) &&
                    typeof value["text"] === "string" &&
                    Number.isFinite(value["line"]) &&
                    Number.isFinite(value["column"])
                  )
                ) {
                  return false;
                }
              return true;
            })(value["result"]["report"]["comments"]) &&
            typeof value["result"]["report"]["official"] === "object" &&
            value["result"]["report"]["official"] !== null &&
            !Array.isArray(value["result"]["report"]["official"]) &&
            (Number.isFinite(value["result"]["report"]["official"]["year"]) ||
              value["result"]["report"]["official"]["year"] === null) &&
            Number.isFinite(value["result"]["report"]["official"]["skips"]) &&
            Number.isFinite(value["result"]["report"]["official"]["expectedAnswers"]) &&
            Number.isFinite(value["result"]["report"]["official"]["answers"]) &&
            typeof value["result"]["report"]["official"]["crashes"] === "boolean" &&
            Array.isArray(value["result"]["report"]["problems"]) &&
            ((array) => {
              for (const value of array)
                if (
                  !(
                    typeof value === "object" &&
                    value !== null &&
                    !Array.isArray(value) &&
                    (value["kind"] === "not-a-report" ||
                      value["kind"] === "question-missing" ||
                      value["kind"] === "question-duplicated" ||
                      value["kind"] === "question-out-of-order" ||
                      value["kind"] === "heading-renamed" ||
                      value["kind"] === "title-missing" ||
                      value["kind"] === "checklist-missing" ||
                      value["kind"] === "checklist-unread" ||
                      value["kind"] === "text-outside-question" ||
                      value["kind"] === "answer-count-mismatch") &&
                    typeof value["message"] === "string" &&
                    Number.isFinite(value["line"]) &&
                    Number.isFinite(value["column"]) &&
                    (value["question"] !== undefined ? Number.isFinite(value["question"]) : true)
                  )
                ) {
                  return false;
                }
              return true;
            })(value["result"]["report"]["problems"]) &&
            Array.isArray(value["result"]["diagnostics"]) &&
            ((array) => {
              for (const value of array)
                if (
                  !(
                    typeof value === "object" &&
                    value !== null &&
                    !Array.isArray(value) &&
                    typeof value["ruleId"] === "string" &&
                    (value["severity"] === "error" ||
                      value["severity"] === "warning" ||
                      value["severity"] === "info") &&
                    typeof value["message"] === "string" &&
                    Number.isFinite(value["line"]) &&
                    Number.isFinite(value["column"]) &&
                    Number.isFinite(value["endLine"]) &&
                    Number.isFinite(value["endColumn"]) &&
                    (Number.isFinite(value["question"]) || value["question"] === null) &&
                    (typeof value["checklistItem"] === "string" || value["checklistItem"] === null) &&
                    (value["fix"] !== undefined
                      ? typeof value["fix"] === "object" &&
                        value["fix"] !== null &&
                        !Array.isArray(value["fix"]) &&
                        Number.isFinite(value["fix"]["start"]) &&
                        Number.isFinite(value["fix"]["end"]) &&
                        typeof value["fix"]["text"] === "string"
                      : true)
                  )
                ) {
                  return false;
                }
              return true;
            })(value["result"]["diagnostics"]) &&
            Number.isFinite(value["result"]["errorCount"]) &&
            Number.isFinite(value["result"]["warningCount"]) &&
            Number.isFinite(value["result"]["infoCount"]) &&
            (value["result"]["checklist"] !== undefined
              ? Array.isArray(value["result"]["checklist"]) &&
                ((array) => {
                  for (const value of array)
                    if (
                      !(
                        typeof value === "object" &&
                        value !== null &&
                        !Array.isArray(value) &&
                        typeof value["id"] === "string" &&
                        Number.isFinite(value["line"]) &&
                        typeof value["text"] === "string" &&
                        (value["state"] === "checked" ||
                          value["state"] === "unchecked" ||
                          value["state"] === "other") &&
                        ((typeof value["repository"] === "object" &&
                          value["repository"] !== null &&
                          !Array.isArray(value["repository"]) &&
                          ((typeof value["repository"]["trace"] === "object" &&
                            value["repository"]["trace"] !== null &&
                            !Array.isArray(value["repository"]["trace"]) &&
                            typeof value["repository"]["trace"]["found"] === "boolean" &&
                            typeof value["repository"]["trace"]["complete"] === "boolean" &&
                            Array.isArray(value["repository"]["trace"]["files"]) &&
                            ((array) => {
                              for (const value of array)
                                if (
                                  !(
                                    typeof value === "object" &&
                                    value !== null &&
                                    !Array.isArray(value) &&
                                    typeof value["path"] === "string" &&
                                    (value["line"] !== undefined ? Number.isFinite(value["line"]) : true) &&
                                    (value["text"] !== undefined ? typeof value["text"] === "string" : true)
                                  )
                                ) {
                                  return false;
                                }
                              return true;
                            })(value["repository"]["trace"]["files"])) ||
                            value["repository"]["trace"] === null) &&
                          ((typeof value["repository"]["shows"] === "object" &&
                            value["repository"]["shows"] !== null &&
                            !Array.isArray(value["repository"]["shows"]) &&
                            typeof value["repository"]["shows"]["found"] === "boolean" &&
                            Array.isArray(value["repository"]["shows"]["files"]) &&
                            ((array) => {
                              for (const value of array)
                                if (
                                  !(
                                    typeof value === "object" &&
                                    value !== null &&
                                    !Array.isArray(value) &&
                                    typeof value["path"] === "string" &&
                                    (value["line"] !== undefined ? Number.isFinite(value["line"]) : true) &&
                                    (value["text"] !== undefined ? typeof value["text"] === "string" : true)
                                  )
                                ) {
                                  return false;
                                }
                              return true;
                            })(value["repository"]["shows"]["files"])) ||
                            value["repository"]["shows"] === null)) ||
                          value["repository"] === null) &&
                        (value["verdict"] !== undefined
                          ? typeof value["verdict"] === "object" &&
                            value["verdict"] !== null &&
                            !Array.isArray(value["verdict"]) &&
                            typeof value["verdict"]["kind"] === "string" &&
                            typeof value["verdict"]["answers"] === "string" &&
                            typeof value["verdict"]["repository"] === "string" &&
                            (value["verdict"]["severity"] === "error" ||
                              value["verdict"]["severity"] === "warning" ||
                              value["verdict"]["severity"] === "info" ||
                              value["verdict"]["severity"] === null) &&
                            (typeof value["verdict"]["rule"] === "string" ||
                              value["verdict"]["rule"] === null) &&
                            Array.isArray(value["verdict"]["reasons"]) &&
                            ((array) => {
                              for (const value of array)
                                if (!(typeof value === "string")) {
                                  return false;
                                }
                              return true;
                            })(value["verdict"]["reasons"])
                          : true)
                      )
                    ) {
                      return false;
                    }
                  return true;
                })(value["result"]["checklist"])
              : true) &&
            (value["result"]["checklistIds"] !== undefined
              ? typeof value["result"]["checklistIds"] === "object" &&
                value["result"]["checklistIds"] !== null &&
                !Array.isArray(value["result"]["checklistIds"]) &&
                !(value["result"]["checklistIds"] instanceof Date) &&
                !(value["result"]["checklistIds"] instanceof Uint8Array) &&
                Object.entries(value["result"]["checklistIds"]).every(([key, value]) =>
                  local_1.test(key) ? Number.isFinite(value) : true,
                )
              : true) &&
            Array.isArray(value["result"]["questionCounts"]) &&
            ((array) => {
              for (const value of array)
                if (
                  !(
                    typeof value === "object" &&
                    value !== null &&
                    !Array.isArray(value) &&
                    Number.isFinite(value["question"]) &&
                    Number.isFinite(value["line"]) &&
                    typeof value["words"] === "object" &&
                    value["words"] !== null &&
                    !Array.isArray(value["words"]) &&
                    (Number.isFinite(value["words"]["count"]) || value["words"]["count"] === null) &&
                    (value["words"]["counting"] === "official" || value["words"]["counting"] === "prose") &&
                    ((typeof value["words"]["allowed"] === "object" &&
                      value["words"]["allowed"] !== null &&
                      !Array.isArray(value["words"]["allowed"]) &&
                      Number.isFinite(value["words"]["allowed"]["min"]) &&
                      Number.isFinite(value["words"]["allowed"]["max"])) ||
                      value["words"]["allowed"] === null) &&
                    (value["words"]["reader"] !== undefined
                      ? typeof value["words"]["reader"] === "object" &&
                        value["words"]["reader"] !== null &&
                        !Array.isArray(value["words"]["reader"]) &&
                        Number.isFinite(value["words"]["reader"]["count"]) &&
                        Array.isArray(value["words"]["reader"]["why"]) &&
                        ((array) => {
                          for (const value of array)
                            if (!(typeof value === "string")) {
                              return false;
                            }
                          return true;
                        })(value["words"]["reader"]["why"])
                      : true) &&
                    typeof value["images"] === "object" &&
                    value["images"] !== null &&
                    !Array.isArray(value["images"]) &&
                    (Number.isFinite(value["images"]["count"]) || value["images"]["count"] === null) &&
                    (value["images"]["counting"] === "official" || value["images"]["counting"] === "prose") &&
                    ((typeof value["images"]["allowed"] === "object" &&
                      value["images"]["allowed"] !== null &&
                      !Array.isArray(value["images"]["allowed"]) &&
                      Number.isFinite(value["images"]["allowed"]["min"]) &&
                      Number.isFinite(value["images"]["allowed"]["max"])) ||
                      value["images"]["allowed"] === null) &&
                    (value["images"]["reader"] !== undefined
                      ? typeof value["images"]["reader"] === "object" &&
                        value["images"]["reader"] !== null &&
                        !Array.isArray(value["images"]["reader"]) &&
                        Number.isFinite(value["images"]["reader"]["count"]) &&
                        Array.isArray(value["images"]["reader"]["why"]) &&
                        ((array) => {
                          for (const value of array)
                            if (!(typeof value === "string")) {
                              return false;
                            }
                          return true;
                        })(value["images"]["reader"]["why"])
                      : true)
                  )
                ) {
                  return false;
                }
              return true;
            })(value["result"]["questionCounts"]) &&
            typeof value["result"]["group"] === "object" &&
            value["result"]["group"] !== null &&
            !Array.isArray(value["result"]["group"]) &&
            (typeof value["result"]["group"]["text"] === "string" ||
              value["result"]["group"]["text"] === null) &&
            (typeof value["result"]["group"]["number"] === "string" ||
              value["result"]["group"]["number"] === null) &&
            Array.isArray(value["result"]["group"]["students"]) &&
            ((array) => {
              for (const value of array)
                if (!(typeof value === "string")) {
                  return false;
                }
              return true;
            })(value["result"]["group"]["students"])
          : true,
      )
    );
  };
})() as (value: unknown) => value is Record<string, CacheEntry>;
