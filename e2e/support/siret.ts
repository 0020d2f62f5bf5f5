/** Luhn key digit that makes `base` + key valid (SIREN/SIRET keys). */
export function luhnKey(base: string): string {
  for (let key = 0; key <= 9; key++) {
    if (luhnValid(`${base}${key}`)) return String(key);
  }
  throw new Error(`no Luhn key for ${base}`);
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

/** A fresh valid SIRET (14 digits, Luhn key; never La Poste's 356 000 000 exception) and an invalid twin. */
export function siretPair(): { valid: string; invalid: string } {
  const thirteen = `8${String(Date.now()).slice(-9)}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
  const valid = `${thirteen}${luhnKey(thirteen)}`;
  const last = Number(valid.slice(-1));
  const invalid = `${thirteen}${(last + 1) % 10}`;
  if (!luhnValid(valid) || luhnValid(invalid)) throw new Error('siretPair: Luhn computation is wrong');
  return { valid, invalid };
}
