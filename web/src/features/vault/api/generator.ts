import { effLongWordList } from "../../../lib/crypto/eff-long-wordlist";
import { t } from "../../../lib/i18n/messages";

/** Fills an array with random 32-bit values; crypto.getRandomValues, replaceable in tests. */
export type RandomSource = (values: Uint32Array<ArrayBuffer>) => Uint32Array<ArrayBuffer>;

const cryptoRandom: RandomSource = (values) => globalThis.crypto.getRandomValues(values);

/**
 * A uniform integer in [0, max): values from the top partial block of 2^32 are rejected and drawn again, so no
 * result is more likely than another (plain `value % max` favours small results).
 */
export function randomInt(max: number, random: RandomSource = cryptoRandom): number {
  if (!Number.isInteger(max) || max < 1 || max > 2 ** 32) throw new RangeError("max must be an integer in 1..2^32.");
  const limit = 2 ** 32 - (2 ** 32 % max);
  const buffer = new Uint32Array(1);
  for (;;) {
    const value = random(buffer)[0]!;
    if (value < limit) return value % max;
  }
}

export interface PasswordOptions {
  length: number;
  uppercase: boolean;
  lowercase: boolean;
  numbers: boolean;
  special: boolean;
  minNumbers: number;
  minSpecial: number;
  avoidAmbiguous: boolean;
}

export const defaultPasswordOptions: PasswordOptions = {
  length: 14, uppercase: true, lowercase: true, numbers: true, special: false, minNumbers: 1, minSpecial: 0, avoidAmbiguous: false,
};

/** Bitwarden's sets; the ambiguous ones drop I, O, l, 0 and 1. */
export function characterSets(avoidAmbiguous: boolean) {
  return {
    uppercase: avoidAmbiguous ? "ABCDEFGHJKLMNPQRSTUVWXYZ" : "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    lowercase: avoidAmbiguous ? "abcdefghijkmnopqrstuvwxyz" : "abcdefghijklmnopqrstuvwxyz",
    numbers: avoidAmbiguous ? "23456789" : "0123456789",
    special: "!@#$%^&*",
  };
}

export const passwordLengthRange = { min: 5, max: 128 } as const;

/**
 * A random password: the required characters first (minimum numbers and specials, one of each other chosen set),
 * the rest from all chosen sets, then an unbiased Fisher–Yates shuffle so required ones sit anywhere.
 */
export function generatePassword(options: PasswordOptions, random: RandomSource = cryptoRandom): string {
  const sets = characterSets(options.avoidAmbiguous);
  const minNumbers = options.numbers ? Math.max(1, options.minNumbers) : 0;
  const minSpecial = options.special ? Math.max(1, options.minSpecial) : 0;
  const required = [
    ...Array<string>(minNumbers).fill(sets.numbers),
    ...Array<string>(minSpecial).fill(sets.special),
    ...(options.uppercase ? [sets.uppercase] : []),
    ...(options.lowercase ? [sets.lowercase] : []),
  ];
  const all = (["uppercase", "lowercase", "numbers", "special"] as const).filter((k) => options[k]).map((k) => sets[k]).join("");
  if (!all) throw new Error(t("generator.noCharacters"));
  const length = Math.min(passwordLengthRange.max, Math.max(passwordLengthRange.min, options.length, required.length));
  const pools = [...required, ...Array<string>(length - required.length).fill(all)];
  const chars = pools.map((pool) => pool[randomInt(pool.length, random)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1, random);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join("");
}

export interface PassphraseOptions {
  words: number;
  separator: string;
  capitalize: boolean;
  includeNumber: boolean;
}

export const defaultPassphraseOptions: PassphraseOptions = { words: 6, separator: "-", capitalize: false, includeNumber: false };

export const passphraseWordRange = { min: 3, max: 20 } as const;

/** Words from EFF's long list (12.9 bits each); "include number" appends one digit to one random word. */
export function generatePassphrase(options: PassphraseOptions, random: RandomSource = cryptoRandom): string {
  const count = Math.min(passphraseWordRange.max, Math.max(passphraseWordRange.min, options.words));
  const words = Array.from({ length: count }, () => {
    const word = effLongWordList[randomInt(effLongWordList.length, random)]!;
    return options.capitalize ? word.charAt(0).toUpperCase() + word.slice(1) : word;
  });
  if (options.includeNumber) {
    const i = randomInt(count, random);
    words[i] = `${words[i]}${randomInt(10, random)}`;
  }
  return words.join(options.separator);
}
