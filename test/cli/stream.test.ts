// `touchpoint analyze` on streams: the readers give the same records wherever the bytes are cut,
// with or without a byte order mark or gzip, from files or standard input; duplicates count once;
// one job and several give the same report figure for figure, in any record order; the outputs
// are refused before any work when they would overwrite an input or an existing file.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  csvGroups,
  decoded,
  decompressed,
  IdSet,
  jsonArrayRecords,
  jsonLinesRecords,
} from "../../src/cli/input.js";
import { run } from "../../src/cli/main.js";
import { memoryIo } from "./memory-io.js";

const enc = (text: string) => new TextEncoder().encode(text);

/** The bytes cut in two at `at`. */
async function* cutAt(bytes: Uint8Array, at: number): AsyncIterable<Uint8Array> {
  yield bytes.subarray(0, at);
  yield bytes.subarray(at);
}

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

const conversation = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  channel: "chat",
  createdAt: "2026-03-02T09:00:00Z",
  messages: [
    { author: "customer", at: "2026-03-02T09:00:00Z", text: "Où est ma commande ? 📦" },
    { author: "agent", at: "2026-03-02T09:06:00Z", text: "It ships today." },
  ],
  statusChanges: [{ at: "2026-03-02T09:07:00Z", to: "resolved" }],
  ...extra,
});

describe("the readers, cut at every byte", () => {
  const records = [conversation("A"), conversation("B", { tags: ['a"b', "c,d"] }), conversation("C")];

  it("JSON Lines: CRLF, blank lines, multi-byte characters and a BOM", async () => {
    const text = `\uFEFF${records.map((r) => JSON.stringify(r)).join("\r\n\r\n")}\n`;
    const bytes = enc(text);
    for (let at = 0; at <= bytes.byteLength; at++) {
      const got = await all(jsonLinesRecords(decoded(decompressed(cutAt(bytes, at)))));
      expect(got.map((r) => JSON.parse(r.text as string))).toEqual(records);
      expect(got.map((r) => r.line)).toEqual([1, 3, 5]);
    }
  });

  it("a JSON array and an export object holding one, with a BOM", async () => {
    for (const text of [
      `\uFEFF[${records.map((r) => JSON.stringify(r)).join(",\n")}]\n`,
      `{"meta": {"count": 3}, "tickets": ${JSON.stringify(records, null, 1)}}`,
    ]) {
      const bytes = enc(text);
      for (let at = 0; at <= bytes.byteLength; at++) {
        const got = await all(jsonArrayRecords(decoded(decompressed(cutAt(bytes, at))), "in.json"));
        expect(got.map((r) => r.value)).toEqual(records);
      }
    }
  });

  it("CSV: quoted delimiters, quotes and newlines, CRLF, a BOM; rows of one id together", async () => {
    const text =
      '\uFEFFticket,sent,who,body\r\n1,2026-03-02T09:00:00Z,customer,"Hello, ""world""\r\nsecond line"\r\n' +
      "1,2026-03-02T09:05:00Z,agent,Hi\r\n2,2026-03-02T10:00:00Z,customer,Où ?\r\n";
    const bytes = enc(text);
    for (let at = 0; at <= bytes.byteLength; at++) {
      const got = await all(csvGroups(decompressed(cutAt(bytes, at)), "ticket", undefined, "in.csv"));
      expect(got.map((g) => [g.id, g.row])).toEqual([
        ["1", 2],
        ["2", 4],
      ]);
      expect(got[0]?.text).toBe(
        '"ticket","sent","who","body"\n"1","2026-03-02T09:00:00Z","customer","Hello, ""world""\r\nsecond line"\n' +
          '"1","2026-03-02T09:05:00Z","agent","Hi"\n',
      );
    }
  });

  it("gzip, recognised by its signature, cut anywhere", async () => {
    const text = records.map((r) => JSON.stringify(r)).join("\n");
    const bytes = gzipSync(enc(text));
    for (let at = 0; at <= bytes.byteLength; at += 7) {
      const got = await all(jsonLinesRecords(decoded(decompressed(cutAt(bytes, at)))));
      expect(got.map((r) => JSON.parse(r.text as string))).toEqual(records);
    }
  });

  it("IdSet: every new id once, through several resizes", () => {
    const set = new IdSet();
    for (let i = 0; i < 20_000; i++) expect(set.add(`T-${i}`)).toBe(true);
    for (let i = 0; i < 20_000; i += 97) expect(set.add(`T-${i}`)).toBe(false);
    expect(set.size).toBe(20_000);
  });
});

const sample = JSON.parse(
  readFileSync(new URL("../../examples/data/conversations.json", import.meta.url), "utf8"),
) as { id: string }[];

async function report(files: Record<string, string | Uint8Array>, args: string[], options = {}) {
  const t = memoryIo(files, options);
  const status = await run(["analyze", ...args, "--format", "json"], t.io);
  return { status, json: status === 0 ? JSON.parse(t.out()) : null, err: t.err(), t };
}

describe("analyze on streams", () => {
  const jsonl = sample.map((c) => JSON.stringify(c)).join("\n");

  it("gives the same report from JSON, JSON Lines, gzip and standard input", async () => {
    const base = await report({ "in.json": JSON.stringify(sample) }, ["in.json"]);
    expect(base.status).toBe(0);
    const { input, ...figures } = base.json;
    const same = async (name: string, files: Record<string, string | Uint8Array>, options = {}) => {
      const r = await report(files, [name], options);
      expect(r.err).toBe("touchpoint: 2 of 240 records rejected (listed in the report)\n");
      const { input: got, ...rest } = r.json;
      expect({ ...got, source: input.source }).toEqual(input);
      expect(rest).toEqual(figures);
    };
    await same("in.jsonl", { "in.jsonl": jsonl }, { chunk: 4096 });
    await same("in.jsonl.gz", { "in.jsonl.gz": gzipSync(enc(jsonl)) });
    await same("-", {}, { stdin: jsonl });
    await same("-", {}, { stdin: `\uFEFF${JSON.stringify(sample)}` });
  }, 60_000);

  it("is the same figure for figure with one job and with three, in any record order", async () => {
    const valid = sample.filter((c) => c.id !== "T-1017" && c.id !== "T-1123");
    const one = await report({ "in.jsonl": valid.map((c) => JSON.stringify(c)).join("\n") }, [
      "in.jsonl",
      "--jobs",
      "1",
    ]);
    const reversed = [...valid].reverse();
    const three = await report({ "in.jsonl": reversed.map((c) => JSON.stringify(c)).join("\n") }, [
      "in.jsonl",
      "--jobs",
      "3",
    ]);
    expect(one.status).toBe(0);
    expect(three.status).toBe(0);
    expect(three.json).toEqual(one.json);
    // The charts' fold crosses the worker threads as JSON and merges to the very same figures.
    expect(one.json.insights.trend.points.length).toBeGreaterThan(1);
    expect(one.json.insights.segmentTrends.length).toBeGreaterThan(1);
    expect(one.json.insights.distributions.firstResponse.reduce((a: number, b: number) => a + b, 0)).toBe(
      one.json.total.firstResponse.count,
    );
    // With rejected records too, in the order given: positions are the input's.
    const a = await report({ "in.json": JSON.stringify(sample) }, [
      "in.json",
      "--jobs",
      "1",
      "--by",
      "agent",
    ]);
    const b = await report({ "in.json": JSON.stringify(sample) }, [
      "in.json",
      "--jobs",
      "2",
      "--by",
      "agent",
    ]);
    expect(b.json).toEqual(a.json);
    expect(a.json.input.rejected.map((r: { index: number }) => r.index)).toEqual([17, 123]);
    expect(a.json.insights.segmentTrends.length).toBeGreaterThan(1);
    expect(a.json.input.causes.map((g: { count: number }) => g.count)).toEqual([1, 1]);
  }, 120_000);

  it("counts every rejection by cause exactly, with one job or three, when only 20 are listed", async () => {
    // 45 records on a channel the schema refuses, 15 with a score off its scale, 5 repeated ids,
    // among 30 good ones, interleaved: more rejections than the report lists.
    const lines: string[] = [];
    for (let k = 0; k < 30; k++) {
      lines.push(JSON.stringify(conversation(`ok-${k}`)));
      lines.push(JSON.stringify(conversation(`fax-${k}`, { channel: "fax" })));
      if (k % 2 === 0)
        lines.push(
          JSON.stringify(
            conversation(`score-${k}`, { surveys: [{ kind: "nps", score: 11, at: "2026-03-02T09:08:00Z" }] }),
          ),
        );
      if (k < 15) lines.push(JSON.stringify(conversation(`fax2-${k}`, { channel: "fax" })));
      if (k < 5) lines.push(JSON.stringify(conversation(`ok-${k}`)));
    }
    const text = lines.join("\n");
    const one = await report({ "in.jsonl": text }, ["in.jsonl", "--jobs", "1"]);
    const three = await report({ "in.jsonl": text }, ["in.jsonl", "--jobs", "3"]);
    expect(one.status).toBe(0);
    expect(three.json.input).toEqual(one.json.input);
    const { input } = one.json;
    expect(input.rejectedCount).toBe(45 + 15 + 5);
    expect(input.rejected).toHaveLength(20);
    const causes = input.causes as { cause: string; count: number; examples: { index: number }[] }[];
    expect(causes.map((g) => g.count)).toEqual([45, 15, 5]);
    expect(causes.reduce((n, g) => n + g.count, 0)).toBe(input.rejectedCount);
    expect(causes[0]?.cause).toMatch(/^channel: Invalid option.*\(got "fax"\)$/);
    expect(causes[1]?.cause).toContain("surveys.#.score");
    expect(causes[2]?.cause).toBe("in.jsonl: conversation id seen before in the input; counted once");
    // The first positions of each cause, as in the input.
    const positions = (prefix: string) => lines.flatMap((l, i) => (l.includes(`"id":"${prefix}`) ? [i] : []));
    expect(causes[0]?.examples.map((r) => r.index)).toEqual(
      [...positions("fax-"), ...positions("fax2-")].sort((a, b) => a - b).slice(0, 3),
    );
    expect(causes[1]?.examples.map((r) => r.index)).toEqual(positions("score-").slice(0, 3));
  }, 120_000);

  it("counts a conversation seen twice once, and a message repeated in one once", async () => {
    const c = conversation("A");
    const withIds = conversation("B", {
      messages: [
        { id: "m1", author: "customer", at: "2026-03-02T09:00:00Z", text: "Where is my order?" },
        { id: "m2", author: "agent", at: "2026-03-02T09:06:00Z", text: "It ships today." },
        { id: "m2", author: "agent", at: "2026-03-02T09:06:00Z", text: "It ships today." },
      ],
    });
    const once = await report({ "in.jsonl": [c, withIds].map((x) => JSON.stringify(x)).join("\n") }, [
      "in.jsonl",
    ]);
    const twice = await report({ "in.jsonl": [c, withIds, c].map((x) => JSON.stringify(x)).join("\n") }, [
      "in.jsonl",
    ]);
    expect(twice.json.input.records).toBe(3);
    expect(twice.json.input.rejectedCount).toBe(1);
    expect(twice.json.input.rejected).toEqual([
      { index: 2, id: "A", problem: 'in.jsonl: conversation id "A" seen before in the input; counted once' },
    ]);
    expect(twice.json.input.duplicateMessages).toBe(1);
    expect(twice.json.total).toEqual(once.json.total);
    // Two agent replies would make B's next-response and FCR figures differ: counted once, B has one.
    expect(twice.json.total.conversations).toBe(2);
    expect(once.json.total.fcr).toBe(100);
  }, 60_000);

  it("says when the input is empty, and refuses an --as-of before the data", async () => {
    const empty = await report({ "in.jsonl": "\n\n" }, ["in.jsonl"]);
    expect(empty.status).toBe(2);
    expect(empty.err).toContain("no records in in.jsonl: the input is empty");
    const early = await report({ "in.jsonl": JSON.stringify(conversation("A")) }, [
      "in.jsonl",
      "--as-of",
      "2026-03-01T00:00:00Z",
    ]);
    expect(early.status).toBe(2);
    expect(early.err).toContain(
      "--as-of: 2026-03-01T00:00:00.000Z is before the data: its latest event is at 2026-03-02T09:07:00.000Z",
    );
  });

  it("names what a bad timestamp should be", async () => {
    const t = memoryIo({
      "in.jsonl": [conversation("A", { createdAt: "2026-03-02 09:00" }), conversation("B")]
        .map((x) => JSON.stringify(x))
        .join("\n"),
    });
    expect(await run(["analyze", "in.jsonl", "--format", "json"], t.io)).toBe(0);
    expect(JSON.parse(t.out()).input.rejected[0].problem).toBe(
      'createdAt: expected an ISO 8601 date-time with an offset (2026-03-01T09:30:00Z) or epoch milliseconds (got "2026-03-02 09:00")',
    );
  });

  it("escapes control characters of the data in the text report", async () => {
    const t = memoryIo({ "in.jsonl": JSON.stringify(conversation("\u001b[31mRED", { statusChanges: [] })) });
    expect(await run(["analyze", "in.jsonl"], t.io)).toBe(0);
    expect(t.out()).not.toContain("\u001b");
    expect(t.out()).toContain("\\x1b[31mRED");
  });
});

describe("the outputs", () => {
  const files = () => ({ "in.jsonl": JSON.stringify(conversation("A")), "old.txt": "keep me" });

  it("refuses to overwrite an input, or an existing file without --force", async () => {
    const input = memoryIo(files());
    expect(await run(["analyze", "in.jsonl", "--out", "in.jsonl", "--force"], input.io)).toBe(2);
    expect(input.err()).toContain("--out: in.jsonl is the input in.jsonl; refusing to overwrite it");
    const existing = memoryIo(files());
    expect(await run(["analyze", "in.jsonl", "--out", "old.txt"], existing.io)).toBe(2);
    expect(existing.err()).toContain("--out: old.txt exists; add --force to replace it");
    expect(existing.written).toEqual({});
    const forced = memoryIo(files());
    expect(await run(["analyze", "in.jsonl", "--out", "old.txt", "--force"], forced.io)).toBe(0);
    expect(forced.written["old.txt"]).toContain("touchpoint analyze: in.jsonl");
  });

  it("fails before the analysis when --out cannot be written, naming --out", async () => {
    const t = memoryIo(files());
    expect(await run(["analyze", "in.jsonl", "--out", "/read-only/report.txt"], t.io)).toBe(2);
    expect(t.err()).toBe(
      "touchpoint: --out: cannot write /read-only/report.txt: EACCES: permission denied\n",
    );
    expect(t.out()).toBe("");
  });

  it("writes every rejected record and every open conversation as JSON Lines on request", async () => {
    const lines = [
      JSON.stringify(conversation("A", { statusChanges: [] })),
      "{not json",
      JSON.stringify(conversation("B", { statusChanges: [] })),
      JSON.stringify({ id: "C" }),
    ];
    const t = memoryIo({ "in.jsonl": lines.join("\n") });
    const args = ["analyze", "in.jsonl", "--rejected-out", "rejected.jsonl", "--attention-out", "open.jsonl"];
    expect(await run([...args, "--attention", "1"], t.io)).toBe(0);
    const rejected = t.written["rejected.jsonl"]
      ?.trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(rejected?.map((r) => r.index).sort()).toEqual([1, 3]);
    const open = t.written["open.jsonl"]
      ?.trim()
      .split("\n")
      .map((l) => JSON.parse(l).id);
    expect(open?.sort()).toEqual(["A", "B"]);
    expect(t.out()).toContain(
      "Needs attention (2 open conversations; the 1 most pressing, most pressing first)",
    );
  });
});
