'use client';

import SwaggerUIBundle from 'swagger-ui-dist/swagger-ui-es-bundle.js';
import 'swagger-ui-dist/swagger-ui.css';
import { useEffect, useRef } from 'react';

/**
 * Swagger UI, the kept renderer of the OpenAPI document, from its prebuilt bundle (swagger-ui-dist): the React
 * wrapper's sources do not survive Turbopack (its OpenAPI 3.1 support fails at run time with "refract is not a
 * function"), the bundle does, and it brings no dependencies. It draws into its own node with its own copy of
 * React. It is given the document (no `url`: nothing is fetched to read it) and never reaches past this origin:
 * no online validator (`validatorUrl: null`), no web fonts in its stylesheet. "Try it out" is offered for reads
 * only: it calls /api/v1 with the reader's own session; writes are for tokens. Loaded through next/dynamic by
 * ./api-reference.tsx, so no other page carries its code or its stylesheet.
 */
export default function SwaggerView({ spec, onReady }: { spec: object; onReady: () => void }) {
  const node = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const domNode = node.current;
    if (!domNode) return;
    SwaggerUIBundle({
      domNode,
      spec,
      validatorUrl: null,
      docExpansion: 'list',
      defaultModelsExpandDepth: 0,
      supportedSubmitMethods: ['get'],
      deepLinking: false,
      queryConfigEnabled: false,
      onComplete: onReady,
    });
    // Swagger UI has no way to unmount: emptying its node is what leaves nothing behind.
    return () => domNode.replaceChildren();
  }, [spec, onReady]);
  return <div ref={node} />;
}
