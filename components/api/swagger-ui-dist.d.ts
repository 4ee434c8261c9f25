// The part of swagger-ui-dist's bundle that components/api/swagger-view.tsx uses (the package ships no types).
declare module 'swagger-ui-dist/swagger-ui-es-bundle.js' {
  interface SwaggerUIOptions {
    domNode: HTMLElement;
    spec: object;
    validatorUrl: string | null;
    docExpansion?: 'list' | 'full' | 'none';
    defaultModelsExpandDepth?: number;
    supportedSubmitMethods?: string[];
    deepLinking?: boolean;
    queryConfigEnabled?: boolean;
    syntaxHighlight?: { activated: boolean };
    plugins?: (() => { components: Record<string, () => null> })[];
    onComplete?: () => void;
  }

  const SwaggerUIBundle: (options: SwaggerUIOptions) => unknown;
  export default SwaggerUIBundle;
}
