// The part of swagger-ui-react's props that components/api/swagger-view.tsx uses (the package ships no types).
declare module 'swagger-ui-react' {
  import type { ComponentType } from 'react';

  export interface SwaggerUIProps {
    spec?: object | string;
    docExpansion?: 'list' | 'full' | 'none';
    defaultModelsExpandDepth?: number;
    supportedSubmitMethods?: string[];
    tryItOutEnabled?: boolean;
    deepLinking?: boolean;
    queryConfigEnabled?: boolean;
    plugins?: (() => { components?: Record<string, ComponentType | (() => null)> })[];
    onComplete?: () => void;
  }

  const SwaggerUI: ComponentType<SwaggerUIProps>;
  export default SwaggerUI;
}
