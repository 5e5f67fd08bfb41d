/** /about: no parameters; its address, for the footer link. */
export const path = '/about';
