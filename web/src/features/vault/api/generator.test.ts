import { describe, expect, it } from "vitest";
import { effLongWordList } from "../../../lib/crypto/eff-long-wordlist";
import {
  characterSets, defaultPasswordOptions, generatePassphrase, generatePassword, randomInt, type PasswordOptions, type RandomSource,
} from "./generator";

/** Hands out the given 32-bit values in order. */
function scripted(values: number[]): RandomSource & { used: number } {
  const source = Object.assign((out: Uint32Array<ArrayBuffer>) => {
    out[0] = values[source.used++]!;
    return out;
  }, { used: 0 });
  return source;
}

const count = (text: string, set: string) => [...text].filter((c) => set.includes(c)).length;

describe("randomInt", () => {
  it("rejects values from the biased top block instead of folding them with %", () => {
    // For max 3, 2^32 % 3 = 1, so 2^32 - 1 is the one value that must be drawn again.
    const random = scripted([2 ** 32 - 1, 7]);
    expect(randomInt(3, random)).toBe(1);
    expect(random.used).toBe(2);
  });

  it("is close to uniform over many draws (chi-squared, 9 degrees of freedom)", () => {
    const n = 50_000;
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < n; i++) counts[randomInt(10)]!++;
    const chi2 = counts.reduce((s, c) => s + (c - n / 10) ** 2 / (n / 10), 0);
    expect(chi2).toBeLessThan(33.7); // p = 0.0001
  });
});

describe("generatePassword", () => {
  const options = (o: Partial<PasswordOptions>): PasswordOptions => ({ ...defaultPasswordOptions, ...o });

  it("honours length, minimum numbers and specials, and uses only the chosen sets", () => {
    const sets = characterSets(false);
    for (let i = 0; i < 300; i++) {
      const p = generatePassword(options({ length: 20, special: true, minNumbers: 4, minSpecial: 3 }));
      expect(p).toHaveLength(20);
      expect(count(p, sets.numbers)).toBeGreaterThanOrEqual(4);
      expect(count(p, sets.special)).toBeGreaterThanOrEqual(3);
      expect(count(p, sets.uppercase)).toBeGreaterThanOrEqual(1);
      expect(count(p, sets.lowercase)).toBeGreaterThanOrEqual(1);
    }
    const digitsOnly = generatePassword(options({ uppercase: false, lowercase: false, length: 30 }));
    expect(digitsOnly).toMatch(/^[0-9]{30}$/);
  });

  it("never uses ambiguous characters when asked to avoid them", () => {
    const p = Array.from({ length: 200 }, () => generatePassword(options({ length: 64, avoidAmbiguous: true }))).join("");
    expect(p).not.toMatch(/[IOl01]/);
  });

  it("clamps the length to 5..128 and grows it to fit the minimums", () => {
    expect(generatePassword(options({ length: 1 }))).toHaveLength(5);
    expect(generatePassword(options({ length: 500 }))).toHaveLength(128);
    expect(generatePassword(options({ length: 5, special: true, minNumbers: 4, minSpecial: 3 }))).toHaveLength(9);
  });

  it("spreads required characters over every position", () => {
    // The one required digit in an otherwise-letter password must not always land first.
    const positions = new Set<number>();
    for (let i = 0; i < 400; i++) {
      const p = generatePassword(options({ length: 8, uppercase: false, lowercase: true, numbers: true, minNumbers: 1 }));
      positions.add(p.search(/[0-9]/));
    }
    expect(positions.size).toBe(8);
  });

  it("draws each character of the pool about equally often", () => {
    const text = Array.from({ length: 2000 }, () => generatePassword(options({ uppercase: false, numbers: false, length: 26 }))).join("");
    const expected = text.length / 26;
    const chi2 = [...characterSets(false).lowercase].reduce((s, ch) => s + (count(text, ch) - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(59.7); // 25 degrees of freedom, p = 0.0001
  });

  it("refuses when no character set is chosen", () => {
    expect(() => generatePassword(options({ uppercase: false, lowercase: false, numbers: false, special: false }))).toThrow();
  });
});

describe("generatePassphrase", () => {
  it("joins EFF words with the separator, capitalized, with one digit", () => {
    for (let i = 0; i < 100; i++) {
      const phrase = generatePassphrase({ words: 5, separator: "_", capitalize: true, includeNumber: true });
      const words = phrase.split("_");
      expect(words).toHaveLength(5);
      expect(words.filter((w) => /[0-9]$/.test(w))).toHaveLength(1);
      for (const w of words) {
        expect(w).toMatch(/^[A-Z]/);
        expect(effLongWordList).toContain(w.replace(/[0-9]$/, "").toLowerCase());
      }
    }
  });

  it("picks the word at the drawn index", () => {
    const phrase = generatePassphrase({ words: 3, separator: " ", capitalize: false, includeNumber: false }, scripted([0, 1, 7775]));
    expect(phrase).toBe(`${effLongWordList[0]} ${effLongWordList[1]} ${effLongWordList[7775]}`);
  });
});
