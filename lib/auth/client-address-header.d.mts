export const CLIENT_ADDRESS_HEADER: string;
export const CLIENT_ADDRESS_FLAG: string;
