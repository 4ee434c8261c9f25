'use client';

import SwaggerUIBundle from 'swagger-ui-dist/swagger-ui-es-bundle.js';
import 'swagger-ui-dist/swagger-ui.css';
import './swagger-contrast.css';
import { useEffect, useRef } from 'react';

/**
 * Swagger UI, the kept renderer of the OpenAPI document, from its prebuilt bundle (swagger-ui-dist): the React
 * wrapper's sources do not survive Turbopack (its OpenAPI 3.1 support fails at run time with "refract is not a
 * function"), the bundle does, and it brings no dependencies. It draws into its own node with its own copy of
 * React. It is given the document (no `url`: nothing is fetched to read it) and never reaches past this origin:
 * no online validator (`validatorUrl: null`), no web fonts in its stylesheet. "Try it out" is offered for reads
 * only: it calls /api/v1 with the reader's own session; writes are for tokens. Loaded through next/dynamic by
 * ./api-reference.tsx, so no other page carries its code or its stylesheet.
 *
 * For one heading structure and WCAG AA: its info block (a second h1, with the title and text the page already
 * shows) and its servers list (one server, in an unlabelled select) are left out, code samples are not coloured
 * (its colour themes miss 4.5:1 on their dark background), and ./swagger-contrast.css darkens its other colours.
 */
const pageOwnsTheseParts = () => ({ components: { InfoContainer: () => null, ServersContainer: () => null } });

export default function SwaggerView({ spec, onReady }: { spec: object; onReady: () => void }) {
  const node = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A node of its own for each instance (Strict Mode mounts twice in development): removing it is the unmount,
    // as Swagger UI has no way to unmount itself.
    const domNode = document.createElement('div');
    node.current?.append(domNode);
    SwaggerUIBundle({
      domNode,
      spec,
      validatorUrl: null,
      docExpansion: 'list',
      defaultModelsExpandDepth: 0,
      supportedSubmitMethods: ['get'],
      deepLinking: false,
      queryConfigEnabled: false,
      syntaxHighlight: { activated: false },
      plugins: [pageOwnsTheseParts],
      onComplete: onReady,
    });
    return () => domNode.remove();
  }, [spec, onReady]);
  return <div ref={node} />;
}
