// Components every article may use without an `import` line (mapped in src/components/mdx/components.ts).
export const MDX_COMPONENT_NAMES = ["Chart", "DataFigure", "PhotoCaption"] as const;

export type MdxComponentName = (typeof MDX_COMPONENT_NAMES)[number];
