export const transSse = {};
