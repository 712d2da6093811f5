/** PostCSS for Tailwind CSS v4 (https://tailwindcss.com/docs/installation/framework-guides/nextjs). */
export default {
  plugins: { "@tailwindcss/postcss": {} },
};
