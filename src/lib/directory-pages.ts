// How many services a pre-built filtered list shows per page: short enough to stay within the
// page budget on a phone, however large the directory grows.
export const SERVICES_PER_PAGE = 25;
