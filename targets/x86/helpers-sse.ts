export const sseHelpers = {};
