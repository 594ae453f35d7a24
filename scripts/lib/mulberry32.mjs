// mulberry32: a small, fast, seeded random generator, the same sequence for a seed on every
// machine (the bench corpus and the fuzzer both rely on that to be reproducible).

/** A function returning the next number in [0, 1) of the sequence for `seed`. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
