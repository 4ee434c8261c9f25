'use client';

import SwaggerUI from 'swagger-ui-react';
import 'swagger-ui-react/swagger-ui.css';

/**
 * Swagger UI, the kept renderer of the OpenAPI document. It is given the document (no `url`: nothing is fetched
 * to read it) and never reaches past this origin: the online validator's badge, whose image would be fetched
 * from the validator's server, is replaced by nothing (the embedded layout does not show it anyway; this keeps it
 * so if a later version does), and the stylesheet has no web fonts. "Try it out" is offered for reads only: it
 * calls /api/v1 with the reader's own session; writes are for tokens (see the text above the reference).
 * Loaded through next/dynamic by ./api-reference.tsx, so no other page carries its code or its stylesheet.
 */
const noValidatorBadge = () => ({ components: { onlineValidatorBadge: () => null } });

export default function SwaggerView({ spec, onReady }: { spec: object; onReady: () => void }) {
  return (
    <SwaggerUI
      spec={spec}
      docExpansion="list"
      defaultModelsExpandDepth={0}
      supportedSubmitMethods={['get']}
      deepLinking={false}
      queryConfigEnabled={false}
      plugins={[noValidatorBadge]}
      onComplete={onReady}
    />
  );
}
