declare const __COSTAR_VERSION__: string;
export const VERSION = typeof __COSTAR_VERSION__ === 'string' ? __COSTAR_VERSION__ : '0.0.0-dev';
