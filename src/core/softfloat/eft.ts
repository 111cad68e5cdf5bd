/** Error-free transformations on doubles. */

const SPLIT = 134217729; // 2^27 + 1

/** exact error of p = fl(x*y): x*y - p (Dekker; needs |x|,|y| <= 2^995 and no underflow) */
export function twoProdErr(x: number, y: number, p: number): number {
  let t = SPLIT * x;
  const xh = t - (t - x), xl = x - xh;
  t = SPLIT * y;
  const yh = t - (t - y), yl = y - yh;
  return xh * yh - p + xh * yl + xl * yh + xl * yl;
}
