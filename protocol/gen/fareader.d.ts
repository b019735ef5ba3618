import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace fareader. */
export namespace fareader {

    /** Namespace v1. */
    namespace v1 {

        /**
         * Properties of a StartSession.
         * @deprecated Use fareader.v1.StartSession.$Properties instead.
         */
        interface IStartSession extends fareader.v1.StartSession.$Properties {
        }

        /** Represents a StartSession. */
        class StartSession {

            /**
             * Constructs a new StartSession.
             * @param [p] Properties to set
             */
            constructor(p?: fareader.v1.StartSession.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** StartSession nonce. */
            nonce: Uint8Array;

            /**
             * Creates a new StartSession instance using the specified properties.
             * @param [properties] Properties to set
             * @returns StartSession instance
             */
            static create(properties: fareader.v1.StartSession.$Shape): fareader.v1.StartSession & fareader.v1.StartSession.$Shape;
            static create(properties?: fareader.v1.StartSession.$Properties): fareader.v1.StartSession;

            /**
             * Encodes the specified StartSession message. Does not implicitly {@link fareader.v1.StartSession.verify|verify} messages.
             * @param m StartSession message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: fareader.v1.StartSession.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified StartSession message, length delimited. Does not implicitly {@link fareader.v1.StartSession.verify|verify} messages.
             * @param message StartSession message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: fareader.v1.StartSession.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a StartSession message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {fareader.v1.StartSession & fareader.v1.StartSession.$Shape} StartSession
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): fareader.v1.StartSession & fareader.v1.StartSession.$Shape;

            /**
             * Decodes a StartSession message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {fareader.v1.StartSession & fareader.v1.StartSession.$Shape} StartSession
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): fareader.v1.StartSession & fareader.v1.StartSession.$Shape;

            /**
             * Verifies a StartSession message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a StartSession message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns StartSession
             */
            static fromObject(d: { [k: string]: any }): fareader.v1.StartSession;

            /**
             * Creates a plain object from a StartSession message. Also converts values to other types if specified.
             * @param m StartSession
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: fareader.v1.StartSession, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this StartSession to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for StartSession
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace StartSession {

            /** Properties of a StartSession. */
            interface $Properties {

                /** StartSession nonce */
                nonce?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a StartSession. */
            type $Shape = fareader.v1.StartSession.$Properties;
        }

        /**
         * Properties of a CancelSession.
         * @deprecated Use fareader.v1.CancelSession.$Properties instead.
         */
        interface ICancelSession extends fareader.v1.CancelSession.$Properties {
        }

        /** Represents a CancelSession. */
        class CancelSession {

            /**
             * Constructs a new CancelSession.
             * @param [p] Properties to set
             */
            constructor(p?: fareader.v1.CancelSession.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CancelSession sessionId. */
            sessionId: string;

            /**
             * Creates a new CancelSession instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CancelSession instance
             */
            static create(properties: fareader.v1.CancelSession.$Shape): fareader.v1.CancelSession & fareader.v1.CancelSession.$Shape;
            static create(properties?: fareader.v1.CancelSession.$Properties): fareader.v1.CancelSession;

            /**
             * Encodes the specified CancelSession message. Does not implicitly {@link fareader.v1.CancelSession.verify|verify} messages.
             * @param m CancelSession message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: fareader.v1.CancelSession.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified CancelSession message, length delimited. Does not implicitly {@link fareader.v1.CancelSession.verify|verify} messages.
             * @param message CancelSession message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: fareader.v1.CancelSession.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CancelSession message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {fareader.v1.CancelSession & fareader.v1.CancelSession.$Shape} CancelSession
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): fareader.v1.CancelSession & fareader.v1.CancelSession.$Shape;

            /**
             * Decodes a CancelSession message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {fareader.v1.CancelSession & fareader.v1.CancelSession.$Shape} CancelSession
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): fareader.v1.CancelSession & fareader.v1.CancelSession.$Shape;

            /**
             * Verifies a CancelSession message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a CancelSession message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns CancelSession
             */
            static fromObject(d: { [k: string]: any }): fareader.v1.CancelSession;

            /**
             * Creates a plain object from a CancelSession message. Also converts values to other types if specified.
             * @param m CancelSession
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: fareader.v1.CancelSession, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this CancelSession to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for CancelSession
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace CancelSession {

            /** Properties of a CancelSession. */
            interface $Properties {

                /** CancelSession sessionId */
                sessionId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a CancelSession. */
            type $Shape = fareader.v1.CancelSession.$Properties;
        }

        /** ReaderMode enum. */
        enum ReaderMode {

            /** READER_MODE_UNSPECIFIED value */
            READER_MODE_UNSPECIFIED = 0,

            /** READER_MODE_NORMAL value */
            READER_MODE_NORMAL = 1,

            /** READER_MODE_VISUAL_CHECK value */
            READER_MODE_VISUAL_CHECK = 2,

            /** READER_MODE_MAINTENANCE value */
            READER_MODE_MAINTENANCE = 3,

            /** READER_MODE_OUT_OF_SERVICE value */
            READER_MODE_OUT_OF_SERVICE = 4
        }

        /**
         * Properties of a SetMode.
         * @deprecated Use fareader.v1.SetMode.$Properties instead.
         */
        interface ISetMode extends fareader.v1.SetMode.$Properties {
        }

        /** Represents a SetMode. */
        class SetMode {

            /**
             * Constructs a new SetMode.
             * @param [p] Properties to set
             */
            constructor(p?: fareader.v1.SetMode.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SetMode mode. */
            mode: fareader.v1.ReaderMode;

            /** SetMode staffId. */
            staffId: string;

            /**
             * Creates a new SetMode instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SetMode instance
             */
            static create(properties: fareader.v1.SetMode.$Shape): fareader.v1.SetMode & fareader.v1.SetMode.$Shape;
            static create(properties?: fareader.v1.SetMode.$Properties): fareader.v1.SetMode;

            /**
             * Encodes the specified SetMode message. Does not implicitly {@link fareader.v1.SetMode.verify|verify} messages.
             * @param m SetMode message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: fareader.v1.SetMode.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified SetMode message, length delimited. Does not implicitly {@link fareader.v1.SetMode.verify|verify} messages.
             * @param message SetMode message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: fareader.v1.SetMode.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SetMode message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {fareader.v1.SetMode & fareader.v1.SetMode.$Shape} SetMode
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): fareader.v1.SetMode & fareader.v1.SetMode.$Shape;

            /**
             * Decodes a SetMode message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {fareader.v1.SetMode & fareader.v1.SetMode.$Shape} SetMode
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): fareader.v1.SetMode & fareader.v1.SetMode.$Shape;

            /**
             * Verifies a SetMode message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a SetMode message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns SetMode
             */
            static fromObject(d: { [k: string]: any }): fareader.v1.SetMode;

            /**
             * Creates a plain object from a SetMode message. Also converts values to other types if specified.
             * @param m SetMode
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: fareader.v1.SetMode, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SetMode to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for SetMode
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace SetMode {

            /** Properties of a SetMode. */
            interface $Properties {

                /** SetMode mode */
                mode?: (fareader.v1.ReaderMode|null);

                /** SetMode staffId */
                staffId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SetMode. */
            type $Shape = fareader.v1.SetMode.$Properties;
        }

        /**
         * Properties of a VisualCheckDecision.
         * @deprecated Use fareader.v1.VisualCheckDecision.$Properties instead.
         */
        interface IVisualCheckDecision extends fareader.v1.VisualCheckDecision.$Properties {
        }

        /** Represents a VisualCheckDecision. */
        class VisualCheckDecision {

            /**
             * Constructs a new VisualCheckDecision.
             * @param [p] Properties to set
             */
            constructor(p?: fareader.v1.VisualCheckDecision.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** VisualCheckDecision sessionId. */
            sessionId: string;

            /** VisualCheckDecision confirmed. */
            confirmed: boolean;

            /** VisualCheckDecision staffId. */
            staffId: string;

            /**
             * Creates a new VisualCheckDecision instance using the specified properties.
             * @param [properties] Properties to set
             * @returns VisualCheckDecision instance
             */
            static create(properties: fareader.v1.VisualCheckDecision.$Shape): fareader.v1.VisualCheckDecision & fareader.v1.VisualCheckDecision.$Shape;
            static create(properties?: fareader.v1.VisualCheckDecision.$Properties): fareader.v1.VisualCheckDecision;

            /**
             * Encodes the specified VisualCheckDecision message. Does not implicitly {@link fareader.v1.VisualCheckDecision.verify|verify} messages.
             * @param m VisualCheckDecision message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: fareader.v1.VisualCheckDecision.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified VisualCheckDecision message, length delimited. Does not implicitly {@link fareader.v1.VisualCheckDecision.verify|verify} messages.
             * @param message VisualCheckDecision message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: fareader.v1.VisualCheckDecision.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a VisualCheckDecision message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {fareader.v1.VisualCheckDecision & fareader.v1.VisualCheckDecision.$Shape} VisualCheckDecision
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): fareader.v1.VisualCheckDecision & fareader.v1.VisualCheckDecision.$Shape;

            /**
             * Decodes a VisualCheckDecision message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {fareader.v1.VisualCheckDecision & fareader.v1.VisualCheckDecision.$Shape} VisualCheckDecision
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): fareader.v1.VisualCheckDecision & fareader.v1.VisualCheckDecision.$Shape;

            /**
             * Verifies a VisualCheckDecision message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a VisualCheckDecision message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns VisualCheckDecision
             */
            static fromObject(d: { [k: string]: any }): fareader.v1.VisualCheckDecision;

            /**
             * Creates a plain object from a VisualCheckDecision message. Also converts values to other types if specified.
             * @param m VisualCheckDecision
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: fareader.v1.VisualCheckDecision, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this VisualCheckDecision to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for VisualCheckDecision
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace VisualCheckDecision {

            /** Properties of a VisualCheckDecision. */
            interface $Properties {

                /** VisualCheckDecision sessionId */
                sessionId?: (string|null);

                /** VisualCheckDecision confirmed */
                confirmed?: (boolean|null);

                /** VisualCheckDecision staffId */
                staffId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a VisualCheckDecision. */
            type $Shape = fareader.v1.VisualCheckDecision.$Properties;
        }

        /**
         * Properties of a Rebirth.
         * @deprecated Use fareader.v1.Rebirth.$Properties instead.
         */
        interface IRebirth extends fareader.v1.Rebirth.$Properties {
        }

        /** Represents a Rebirth. */
        class Rebirth {

            /**
             * Constructs a new Rebirth.
             * @param [p] Properties to set
             */
            constructor(p?: fareader.v1.Rebirth.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /**
             * Creates a new Rebirth instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Rebirth instance
             */
            static create(properties: fareader.v1.Rebirth.$Shape): fareader.v1.Rebirth & fareader.v1.Rebirth.$Shape;
            static create(properties?: fareader.v1.Rebirth.$Properties): fareader.v1.Rebirth;

            /**
             * Encodes the specified Rebirth message. Does not implicitly {@link fareader.v1.Rebirth.verify|verify} messages.
             * @param m Rebirth message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: fareader.v1.Rebirth.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Rebirth message, length delimited. Does not implicitly {@link fareader.v1.Rebirth.verify|verify} messages.
             * @param message Rebirth message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: fareader.v1.Rebirth.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Rebirth message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {fareader.v1.Rebirth & fareader.v1.Rebirth.$Shape} Rebirth
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): fareader.v1.Rebirth & fareader.v1.Rebirth.$Shape;

            /**
             * Decodes a Rebirth message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {fareader.v1.Rebirth & fareader.v1.Rebirth.$Shape} Rebirth
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): fareader.v1.Rebirth & fareader.v1.Rebirth.$Shape;

            /**
             * Verifies a Rebirth message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a Rebirth message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns Rebirth
             */
            static fromObject(d: { [k: string]: any }): fareader.v1.Rebirth;

            /**
             * Creates a plain object from a Rebirth message. Also converts values to other types if specified.
             * @param m Rebirth
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: fareader.v1.Rebirth, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Rebirth to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Rebirth
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Rebirth {

            /** Properties of a Rebirth. */
            interface $Properties {

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Rebirth. */
            type $Shape = fareader.v1.Rebirth.$Properties;
        }

        /**
         * Properties of a Command.
         * @deprecated Use fareader.v1.Command.$Properties instead.
         */
        interface ICommand extends fareader.v1.Command.$Properties {
        }

        /** Represents a Command. */
        class Command {

            /**
             * Constructs a new Command.
             * @param [p] Properties to set
             */
            constructor(p?: fareader.v1.Command.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Command commandId. */
            commandId: Uint8Array;

            /** Command deviceId. */
            deviceId: string;

            /** Command issuedAtMs. */
            issuedAtMs: (number|Long);

            /** Command terminalId. */
            terminalId: string;

            /** Command sequence. */
            sequence: (number|Long);

            /** Command startSession. */
            startSession?: (fareader.v1.StartSession.$Properties|null);

            /** Command cancelSession. */
            cancelSession?: (fareader.v1.CancelSession.$Properties|null);

            /** Command setMode. */
            setMode?: (fareader.v1.SetMode.$Properties|null);

            /** Command visualCheckDecision. */
            visualCheckDecision?: (fareader.v1.VisualCheckDecision.$Properties|null);

            /** Command rebirth. */
            rebirth?: (fareader.v1.Rebirth.$Properties|null);

            /** Command body. */
            body?: ("startSession"|"cancelSession"|"setMode"|"visualCheckDecision"|"rebirth");

            /**
             * Creates a new Command instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Command instance
             */
            static create(properties: fareader.v1.Command.$Shape): fareader.v1.Command & fareader.v1.Command.$Shape;
            static create(properties?: fareader.v1.Command.$Properties): fareader.v1.Command;

            /**
             * Encodes the specified Command message. Does not implicitly {@link fareader.v1.Command.verify|verify} messages.
             * @param m Command message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: fareader.v1.Command.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Command message, length delimited. Does not implicitly {@link fareader.v1.Command.verify|verify} messages.
             * @param message Command message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: fareader.v1.Command.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Command message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {fareader.v1.Command & fareader.v1.Command.$Shape} Command
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): fareader.v1.Command & fareader.v1.Command.$Shape;

            /**
             * Decodes a Command message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {fareader.v1.Command & fareader.v1.Command.$Shape} Command
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): fareader.v1.Command & fareader.v1.Command.$Shape;

            /**
             * Verifies a Command message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a Command message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns Command
             */
            static fromObject(d: { [k: string]: any }): fareader.v1.Command;

            /**
             * Creates a plain object from a Command message. Also converts values to other types if specified.
             * @param m Command
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: fareader.v1.Command, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Command to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Command
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Command {

            /** Properties of a Command. */
            interface $Properties {

                /** Command commandId */
                commandId?: (Uint8Array|null);

                /** Command deviceId */
                deviceId?: (string|null);

                /** Command issuedAtMs */
                issuedAtMs?: (number|Long|null);

                /** Command terminalId */
                terminalId?: (string|null);

                /** Command sequence */
                sequence?: (number|Long|null);

                /** Command startSession */
                startSession?: (fareader.v1.StartSession.$Properties|null);

                /** Command cancelSession */
                cancelSession?: (fareader.v1.CancelSession.$Properties|null);

                /** Command setMode */
                setMode?: (fareader.v1.SetMode.$Properties|null);

                /** Command visualCheckDecision */
                visualCheckDecision?: (fareader.v1.VisualCheckDecision.$Properties|null);

                /** Command rebirth */
                rebirth?: (fareader.v1.Rebirth.$Properties|null);

                /** Command body */
                body?: ("startSession"|"cancelSession"|"setMode"|"visualCheckDecision"|"rebirth");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a Command. */
            type $Shape = {
              commandId?: Uint8Array|null;
              deviceId?: string|null;
              issuedAtMs?: number|Long|null;
              terminalId?: string|null;
              sequence?: number|Long|null;
              startSession?: fareader.v1.StartSession.$Shape|null;
              cancelSession?: fareader.v1.CancelSession.$Shape|null;
              setMode?: fareader.v1.SetMode.$Shape|null;
              visualCheckDecision?: fareader.v1.VisualCheckDecision.$Shape|null;
              rebirth?: fareader.v1.Rebirth.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ body?: undefined; startSession?: null; cancelSession?: null; setMode?: null; visualCheckDecision?: null; rebirth?: null }|{ body?: "startSession"; startSession: fareader.v1.StartSession.$Shape; cancelSession?: null; setMode?: null; visualCheckDecision?: null; rebirth?: null }|{ body?: "cancelSession"; startSession?: null; cancelSession: fareader.v1.CancelSession.$Shape; setMode?: null; visualCheckDecision?: null; rebirth?: null }|{ body?: "setMode"; startSession?: null; cancelSession?: null; setMode: fareader.v1.SetMode.$Shape; visualCheckDecision?: null; rebirth?: null }|{ body?: "visualCheckDecision"; startSession?: null; cancelSession?: null; setMode?: null; visualCheckDecision: fareader.v1.VisualCheckDecision.$Shape; rebirth?: null }|{ body?: "rebirth"; startSession?: null; cancelSession?: null; setMode?: null; visualCheckDecision?: null; rebirth: fareader.v1.Rebirth.$Shape })
            );
        }

        /** ResponseStatus enum. */
        enum ResponseStatus {

            /** RESPONSE_STATUS_UNSPECIFIED value */
            RESPONSE_STATUS_UNSPECIFIED = 0,

            /** RESPONSE_STATUS_OK value */
            RESPONSE_STATUS_OK = 1,

            /** RESPONSE_STATUS_UNSIGNED value */
            RESPONSE_STATUS_UNSIGNED = 2,

            /** RESPONSE_STATUS_UNKNOWN_KEY value */
            RESPONSE_STATUS_UNKNOWN_KEY = 3,

            /** RESPONSE_STATUS_BAD_SIGNATURE value */
            RESPONSE_STATUS_BAD_SIGNATURE = 4,

            /** RESPONSE_STATUS_MALFORMED value */
            RESPONSE_STATUS_MALFORMED = 5,

            /** RESPONSE_STATUS_STALE value */
            RESPONSE_STATUS_STALE = 6,

            /** RESPONSE_STATUS_REPLAYED value */
            RESPONSE_STATUS_REPLAYED = 7,

            /** RESPONSE_STATUS_WRONG_DEVICE value */
            RESPONSE_STATUS_WRONG_DEVICE = 8,

            /** RESPONSE_STATUS_BUSY value */
            RESPONSE_STATUS_BUSY = 9,

            /** RESPONSE_STATUS_UNSUPPORTED value */
            RESPONSE_STATUS_UNSUPPORTED = 10,

            /** RESPONSE_STATUS_NO_SESSION value */
            RESPONSE_STATUS_NO_SESSION = 11,

            /** RESPONSE_STATUS_WRONG_PAYLOAD_TYPE value */
            RESPONSE_STATUS_WRONG_PAYLOAD_TYPE = 12,

            /** RESPONSE_STATUS_INTERNAL_ERROR value */
            RESPONSE_STATUS_INTERNAL_ERROR = 13,

            /** RESPONSE_STATUS_SUPERSEDED value */
            RESPONSE_STATUS_SUPERSEDED = 14
        }

        /**
         * Properties of a CommandResponse.
         * @deprecated Use fareader.v1.CommandResponse.$Properties instead.
         */
        interface ICommandResponse extends fareader.v1.CommandResponse.$Properties {
        }

        /** Represents a CommandResponse. */
        class CommandResponse {

            /**
             * Constructs a new CommandResponse.
             * @param [p] Properties to set
             */
            constructor(p?: fareader.v1.CommandResponse.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CommandResponse commandId. */
            commandId: Uint8Array;

            /** CommandResponse deviceId. */
            deviceId: string;

            /** CommandResponse status. */
            status: fareader.v1.ResponseStatus;

            /** CommandResponse detail. */
            detail: string;

            /** CommandResponse sessionId. */
            sessionId: string;

            /** CommandResponse timeMs. */
            timeMs: (number|Long);

            /**
             * Creates a new CommandResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CommandResponse instance
             */
            static create(properties: fareader.v1.CommandResponse.$Shape): fareader.v1.CommandResponse & fareader.v1.CommandResponse.$Shape;
            static create(properties?: fareader.v1.CommandResponse.$Properties): fareader.v1.CommandResponse;

            /**
             * Encodes the specified CommandResponse message. Does not implicitly {@link fareader.v1.CommandResponse.verify|verify} messages.
             * @param m CommandResponse message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: fareader.v1.CommandResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified CommandResponse message, length delimited. Does not implicitly {@link fareader.v1.CommandResponse.verify|verify} messages.
             * @param message CommandResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: fareader.v1.CommandResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CommandResponse message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {fareader.v1.CommandResponse & fareader.v1.CommandResponse.$Shape} CommandResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): fareader.v1.CommandResponse & fareader.v1.CommandResponse.$Shape;

            /**
             * Decodes a CommandResponse message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {fareader.v1.CommandResponse & fareader.v1.CommandResponse.$Shape} CommandResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): fareader.v1.CommandResponse & fareader.v1.CommandResponse.$Shape;

            /**
             * Verifies a CommandResponse message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a CommandResponse message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns CommandResponse
             */
            static fromObject(d: { [k: string]: any }): fareader.v1.CommandResponse;

            /**
             * Creates a plain object from a CommandResponse message. Also converts values to other types if specified.
             * @param m CommandResponse
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: fareader.v1.CommandResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this CommandResponse to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for CommandResponse
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace CommandResponse {

            /** Properties of a CommandResponse. */
            interface $Properties {

                /** CommandResponse commandId */
                commandId?: (Uint8Array|null);

                /** CommandResponse deviceId */
                deviceId?: (string|null);

                /** CommandResponse status */
                status?: (fareader.v1.ResponseStatus|null);

                /** CommandResponse detail */
                detail?: (string|null);

                /** CommandResponse sessionId */
                sessionId?: (string|null);

                /** CommandResponse timeMs */
                timeMs?: (number|Long|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a CommandResponse. */
            type $Shape = fareader.v1.CommandResponse.$Properties;
        }

        /**
         * Properties of a ResultAck.
         * @deprecated Use fareader.v1.ResultAck.$Properties instead.
         */
        interface IResultAck extends fareader.v1.ResultAck.$Properties {
        }

        /** Represents a ResultAck. */
        class ResultAck {

            /**
             * Constructs a new ResultAck.
             * @param [p] Properties to set
             */
            constructor(p?: fareader.v1.ResultAck.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ResultAck deviceId. */
            deviceId: string;

            /** ResultAck counter. */
            counter: (number|Long);

            /** ResultAck sessionId. */
            sessionId: string;

            /** ResultAck duplicate. */
            duplicate: boolean;

            /** ResultAck timeMs. */
            timeMs: (number|Long);

            /** ResultAck terminalId. */
            terminalId: string;

            /**
             * Creates a new ResultAck instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ResultAck instance
             */
            static create(properties: fareader.v1.ResultAck.$Shape): fareader.v1.ResultAck & fareader.v1.ResultAck.$Shape;
            static create(properties?: fareader.v1.ResultAck.$Properties): fareader.v1.ResultAck;

            /**
             * Encodes the specified ResultAck message. Does not implicitly {@link fareader.v1.ResultAck.verify|verify} messages.
             * @param m ResultAck message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: fareader.v1.ResultAck.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ResultAck message, length delimited. Does not implicitly {@link fareader.v1.ResultAck.verify|verify} messages.
             * @param message ResultAck message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: fareader.v1.ResultAck.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ResultAck message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {fareader.v1.ResultAck & fareader.v1.ResultAck.$Shape} ResultAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): fareader.v1.ResultAck & fareader.v1.ResultAck.$Shape;

            /**
             * Decodes a ResultAck message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {fareader.v1.ResultAck & fareader.v1.ResultAck.$Shape} ResultAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): fareader.v1.ResultAck & fareader.v1.ResultAck.$Shape;

            /**
             * Verifies a ResultAck message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a ResultAck message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ResultAck
             */
            static fromObject(d: { [k: string]: any }): fareader.v1.ResultAck;

            /**
             * Creates a plain object from a ResultAck message. Also converts values to other types if specified.
             * @param m ResultAck
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: fareader.v1.ResultAck, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ResultAck to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ResultAck
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ResultAck {

            /** Properties of a ResultAck. */
            interface $Properties {

                /** ResultAck deviceId */
                deviceId?: (string|null);

                /** ResultAck counter */
                counter?: (number|Long|null);

                /** ResultAck sessionId */
                sessionId?: (string|null);

                /** ResultAck duplicate */
                duplicate?: (boolean|null);

                /** ResultAck timeMs */
                timeMs?: (number|Long|null);

                /** ResultAck terminalId */
                terminalId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ResultAck. */
            type $Shape = fareader.v1.ResultAck.$Properties;
        }

        /**
         * Properties of a DeviceState.
         * @deprecated Use fareader.v1.DeviceState.$Properties instead.
         */
        interface IDeviceState extends fareader.v1.DeviceState.$Properties {
        }

        /** Represents a DeviceState. */
        class DeviceState {

            /**
             * Constructs a new DeviceState.
             * @param [p] Properties to set
             */
            constructor(p?: fareader.v1.DeviceState.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** DeviceState deviceId. */
            deviceId: string;

            /** DeviceState online. */
            online: boolean;

            /** DeviceState bdSeq. */
            bdSeq: (number|Long);

            /** DeviceState firmwareVersion. */
            firmwareVersion: string;

            /** DeviceState schema. */
            schema: string;

            /** DeviceState capabilities. */
            capabilities: string[];

            /** DeviceState publicKey. */
            publicKey: Uint8Array;

            /** DeviceState timeMs. */
            timeMs: (number|Long);

            /** DeviceState reason. */
            reason: string;

            /** DeviceState lastCounter. */
            lastCounter: (number|Long);

            /** DeviceState outboxPending. */
            outboxPending: number;

            /** DeviceState nextPublicKey. */
            nextPublicKey: Uint8Array;

            /** DeviceState model. */
            model: string;

            /** DeviceState serial. */
            serial: string;

            /** DeviceState emulated. */
            emulated: boolean;

            /**
             * Creates a new DeviceState instance using the specified properties.
             * @param [properties] Properties to set
             * @returns DeviceState instance
             */
            static create(properties: fareader.v1.DeviceState.$Shape): fareader.v1.DeviceState & fareader.v1.DeviceState.$Shape;
            static create(properties?: fareader.v1.DeviceState.$Properties): fareader.v1.DeviceState;

            /**
             * Encodes the specified DeviceState message. Does not implicitly {@link fareader.v1.DeviceState.verify|verify} messages.
             * @param m DeviceState message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: fareader.v1.DeviceState.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified DeviceState message, length delimited. Does not implicitly {@link fareader.v1.DeviceState.verify|verify} messages.
             * @param message DeviceState message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: fareader.v1.DeviceState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a DeviceState message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {fareader.v1.DeviceState & fareader.v1.DeviceState.$Shape} DeviceState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): fareader.v1.DeviceState & fareader.v1.DeviceState.$Shape;

            /**
             * Decodes a DeviceState message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {fareader.v1.DeviceState & fareader.v1.DeviceState.$Shape} DeviceState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): fareader.v1.DeviceState & fareader.v1.DeviceState.$Shape;

            /**
             * Verifies a DeviceState message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a DeviceState message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns DeviceState
             */
            static fromObject(d: { [k: string]: any }): fareader.v1.DeviceState;

            /**
             * Creates a plain object from a DeviceState message. Also converts values to other types if specified.
             * @param m DeviceState
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: fareader.v1.DeviceState, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this DeviceState to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for DeviceState
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace DeviceState {

            /** Properties of a DeviceState. */
            interface $Properties {

                /** DeviceState deviceId */
                deviceId?: (string|null);

                /** DeviceState online */
                online?: (boolean|null);

                /** DeviceState bdSeq */
                bdSeq?: (number|Long|null);

                /** DeviceState firmwareVersion */
                firmwareVersion?: (string|null);

                /** DeviceState schema */
                schema?: (string|null);

                /** DeviceState capabilities */
                capabilities?: (string[]|null);

                /** DeviceState publicKey */
                publicKey?: (Uint8Array|null);

                /** DeviceState timeMs */
                timeMs?: (number|Long|null);

                /** DeviceState reason */
                reason?: (string|null);

                /** DeviceState lastCounter */
                lastCounter?: (number|Long|null);

                /** DeviceState outboxPending */
                outboxPending?: (number|null);

                /** DeviceState nextPublicKey */
                nextPublicKey?: (Uint8Array|null);

                /** DeviceState model */
                model?: (string|null);

                /** DeviceState serial */
                serial?: (string|null);

                /** DeviceState emulated */
                emulated?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a DeviceState. */
            type $Shape = fareader.v1.DeviceState.$Properties;
        }

        /**
         * Properties of a TerminalState.
         * @deprecated Use fareader.v1.TerminalState.$Properties instead.
         */
        interface ITerminalState extends fareader.v1.TerminalState.$Properties {
        }

        /** Represents a TerminalState. */
        class TerminalState {

            /**
             * Constructs a new TerminalState.
             * @param [p] Properties to set
             */
            constructor(p?: fareader.v1.TerminalState.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TerminalState terminalId. */
            terminalId: string;

            /** TerminalState online. */
            online: boolean;

            /** TerminalState timeMs. */
            timeMs: (number|Long);

            /**
             * Creates a new TerminalState instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TerminalState instance
             */
            static create(properties: fareader.v1.TerminalState.$Shape): fareader.v1.TerminalState & fareader.v1.TerminalState.$Shape;
            static create(properties?: fareader.v1.TerminalState.$Properties): fareader.v1.TerminalState;

            /**
             * Encodes the specified TerminalState message. Does not implicitly {@link fareader.v1.TerminalState.verify|verify} messages.
             * @param m TerminalState message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: fareader.v1.TerminalState.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified TerminalState message, length delimited. Does not implicitly {@link fareader.v1.TerminalState.verify|verify} messages.
             * @param message TerminalState message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: fareader.v1.TerminalState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TerminalState message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {fareader.v1.TerminalState & fareader.v1.TerminalState.$Shape} TerminalState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): fareader.v1.TerminalState & fareader.v1.TerminalState.$Shape;

            /**
             * Decodes a TerminalState message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {fareader.v1.TerminalState & fareader.v1.TerminalState.$Shape} TerminalState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): fareader.v1.TerminalState & fareader.v1.TerminalState.$Shape;

            /**
             * Verifies a TerminalState message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a TerminalState message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns TerminalState
             */
            static fromObject(d: { [k: string]: any }): fareader.v1.TerminalState;

            /**
             * Creates a plain object from a TerminalState message. Also converts values to other types if specified.
             * @param m TerminalState
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: fareader.v1.TerminalState, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TerminalState to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for TerminalState
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace TerminalState {

            /** Properties of a TerminalState. */
            interface $Properties {

                /** TerminalState terminalId */
                terminalId?: (string|null);

                /** TerminalState online */
                online?: (boolean|null);

                /** TerminalState timeMs */
                timeMs?: (number|Long|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TerminalState. */
            type $Shape = fareader.v1.TerminalState.$Properties;
        }

        /** PayloadType enum. */
        enum PayloadType {

            /** PAYLOAD_TYPE_UNSPECIFIED value */
            PAYLOAD_TYPE_UNSPECIFIED = 0,

            /** PAYLOAD_TYPE_DEVICE_STATE value */
            PAYLOAD_TYPE_DEVICE_STATE = 1,

            /** PAYLOAD_TYPE_SESSION_EVENT value */
            PAYLOAD_TYPE_SESSION_EVENT = 2,

            /** PAYLOAD_TYPE_VERIFICATION_RESULT value */
            PAYLOAD_TYPE_VERIFICATION_RESULT = 3,

            /** PAYLOAD_TYPE_COMMAND value */
            PAYLOAD_TYPE_COMMAND = 4,

            /** PAYLOAD_TYPE_COMMAND_RESPONSE value */
            PAYLOAD_TYPE_COMMAND_RESPONSE = 5,

            /** PAYLOAD_TYPE_RESULT_ACK value */
            PAYLOAD_TYPE_RESULT_ACK = 6,

            /** PAYLOAD_TYPE_TERMINAL_STATE value */
            PAYLOAD_TYPE_TERMINAL_STATE = 7
        }

        /**
         * Properties of a SignedEnvelope.
         * @deprecated Use fareader.v1.SignedEnvelope.$Properties instead.
         */
        interface ISignedEnvelope extends fareader.v1.SignedEnvelope.$Properties {
        }

        /** Represents a SignedEnvelope. */
        class SignedEnvelope {

            /**
             * Constructs a new SignedEnvelope.
             * @param [p] Properties to set
             */
            constructor(p?: fareader.v1.SignedEnvelope.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SignedEnvelope payloadType. */
            payloadType: fareader.v1.PayloadType;

            /** SignedEnvelope payload. */
            payload: Uint8Array;

            /** SignedEnvelope keyId. */
            keyId: Uint8Array;

            /** SignedEnvelope signature. */
            signature: Uint8Array;

            /**
             * Creates a new SignedEnvelope instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SignedEnvelope instance
             */
            static create(properties: fareader.v1.SignedEnvelope.$Shape): fareader.v1.SignedEnvelope & fareader.v1.SignedEnvelope.$Shape;
            static create(properties?: fareader.v1.SignedEnvelope.$Properties): fareader.v1.SignedEnvelope;

            /**
             * Encodes the specified SignedEnvelope message. Does not implicitly {@link fareader.v1.SignedEnvelope.verify|verify} messages.
             * @param m SignedEnvelope message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: fareader.v1.SignedEnvelope.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified SignedEnvelope message, length delimited. Does not implicitly {@link fareader.v1.SignedEnvelope.verify|verify} messages.
             * @param message SignedEnvelope message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: fareader.v1.SignedEnvelope.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SignedEnvelope message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {fareader.v1.SignedEnvelope & fareader.v1.SignedEnvelope.$Shape} SignedEnvelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): fareader.v1.SignedEnvelope & fareader.v1.SignedEnvelope.$Shape;

            /**
             * Decodes a SignedEnvelope message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {fareader.v1.SignedEnvelope & fareader.v1.SignedEnvelope.$Shape} SignedEnvelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): fareader.v1.SignedEnvelope & fareader.v1.SignedEnvelope.$Shape;

            /**
             * Verifies a SignedEnvelope message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a SignedEnvelope message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns SignedEnvelope
             */
            static fromObject(d: { [k: string]: any }): fareader.v1.SignedEnvelope;

            /**
             * Creates a plain object from a SignedEnvelope message. Also converts values to other types if specified.
             * @param m SignedEnvelope
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: fareader.v1.SignedEnvelope, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SignedEnvelope to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for SignedEnvelope
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace SignedEnvelope {

            /** Properties of a SignedEnvelope. */
            interface $Properties {

                /** SignedEnvelope payloadType */
                payloadType?: (fareader.v1.PayloadType|null);

                /** SignedEnvelope payload */
                payload?: (Uint8Array|null);

                /** SignedEnvelope keyId */
                keyId?: (Uint8Array|null);

                /** SignedEnvelope signature */
                signature?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SignedEnvelope. */
            type $Shape = fareader.v1.SignedEnvelope.$Properties;
        }

        /**
         * Properties of a PairingHello.
         * @deprecated Use fareader.v1.PairingHello.$Properties instead.
         */
        interface IPairingHello extends fareader.v1.PairingHello.$Properties {
        }

        /** Represents a PairingHello. */
        class PairingHello {

            /**
             * Constructs a new PairingHello.
             * @param [p] Properties to set
             */
            constructor(p?: fareader.v1.PairingHello.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PairingHello terminalId. */
            terminalId: string;

            /** PairingHello terminalKey. */
            terminalKey: Uint8Array;

            /**
             * Creates a new PairingHello instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PairingHello instance
             */
            static create(properties: fareader.v1.PairingHello.$Shape): fareader.v1.PairingHello & fareader.v1.PairingHello.$Shape;
            static create(properties?: fareader.v1.PairingHello.$Properties): fareader.v1.PairingHello;

            /**
             * Encodes the specified PairingHello message. Does not implicitly {@link fareader.v1.PairingHello.verify|verify} messages.
             * @param m PairingHello message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: fareader.v1.PairingHello.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified PairingHello message, length delimited. Does not implicitly {@link fareader.v1.PairingHello.verify|verify} messages.
             * @param message PairingHello message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: fareader.v1.PairingHello.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PairingHello message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {fareader.v1.PairingHello & fareader.v1.PairingHello.$Shape} PairingHello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): fareader.v1.PairingHello & fareader.v1.PairingHello.$Shape;

            /**
             * Decodes a PairingHello message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {fareader.v1.PairingHello & fareader.v1.PairingHello.$Shape} PairingHello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): fareader.v1.PairingHello & fareader.v1.PairingHello.$Shape;

            /**
             * Verifies a PairingHello message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a PairingHello message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns PairingHello
             */
            static fromObject(d: { [k: string]: any }): fareader.v1.PairingHello;

            /**
             * Creates a plain object from a PairingHello message. Also converts values to other types if specified.
             * @param m PairingHello
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: fareader.v1.PairingHello, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PairingHello to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PairingHello
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PairingHello {

            /** Properties of a PairingHello. */
            interface $Properties {

                /** PairingHello terminalId */
                terminalId?: (string|null);

                /** PairingHello terminalKey */
                terminalKey?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PairingHello. */
            type $Shape = fareader.v1.PairingHello.$Properties;
        }

        /**
         * Properties of a PairingCommit.
         * @deprecated Use fareader.v1.PairingCommit.$Properties instead.
         */
        interface IPairingCommit extends fareader.v1.PairingCommit.$Properties {
        }

        /** Represents a PairingCommit. */
        class PairingCommit {

            /**
             * Constructs a new PairingCommit.
             * @param [p] Properties to set
             */
            constructor(p?: fareader.v1.PairingCommit.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PairingCommit deviceId. */
            deviceId: string;

            /** PairingCommit deviceKey. */
            deviceKey: Uint8Array;

            /** PairingCommit commitment. */
            commitment: Uint8Array;

            /**
             * Creates a new PairingCommit instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PairingCommit instance
             */
            static create(properties: fareader.v1.PairingCommit.$Shape): fareader.v1.PairingCommit & fareader.v1.PairingCommit.$Shape;
            static create(properties?: fareader.v1.PairingCommit.$Properties): fareader.v1.PairingCommit;

            /**
             * Encodes the specified PairingCommit message. Does not implicitly {@link fareader.v1.PairingCommit.verify|verify} messages.
             * @param m PairingCommit message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: fareader.v1.PairingCommit.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified PairingCommit message, length delimited. Does not implicitly {@link fareader.v1.PairingCommit.verify|verify} messages.
             * @param message PairingCommit message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: fareader.v1.PairingCommit.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PairingCommit message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {fareader.v1.PairingCommit & fareader.v1.PairingCommit.$Shape} PairingCommit
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): fareader.v1.PairingCommit & fareader.v1.PairingCommit.$Shape;

            /**
             * Decodes a PairingCommit message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {fareader.v1.PairingCommit & fareader.v1.PairingCommit.$Shape} PairingCommit
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): fareader.v1.PairingCommit & fareader.v1.PairingCommit.$Shape;

            /**
             * Verifies a PairingCommit message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a PairingCommit message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns PairingCommit
             */
            static fromObject(d: { [k: string]: any }): fareader.v1.PairingCommit;

            /**
             * Creates a plain object from a PairingCommit message. Also converts values to other types if specified.
             * @param m PairingCommit
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: fareader.v1.PairingCommit, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PairingCommit to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PairingCommit
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PairingCommit {

            /** Properties of a PairingCommit. */
            interface $Properties {

                /** PairingCommit deviceId */
                deviceId?: (string|null);

                /** PairingCommit deviceKey */
                deviceKey?: (Uint8Array|null);

                /** PairingCommit commitment */
                commitment?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PairingCommit. */
            type $Shape = fareader.v1.PairingCommit.$Properties;
        }

        /**
         * Properties of a PairingNonce.
         * @deprecated Use fareader.v1.PairingNonce.$Properties instead.
         */
        interface IPairingNonce extends fareader.v1.PairingNonce.$Properties {
        }

        /** Represents a PairingNonce. */
        class PairingNonce {

            /**
             * Constructs a new PairingNonce.
             * @param [p] Properties to set
             */
            constructor(p?: fareader.v1.PairingNonce.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PairingNonce nonce. */
            nonce: Uint8Array;

            /**
             * Creates a new PairingNonce instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PairingNonce instance
             */
            static create(properties: fareader.v1.PairingNonce.$Shape): fareader.v1.PairingNonce & fareader.v1.PairingNonce.$Shape;
            static create(properties?: fareader.v1.PairingNonce.$Properties): fareader.v1.PairingNonce;

            /**
             * Encodes the specified PairingNonce message. Does not implicitly {@link fareader.v1.PairingNonce.verify|verify} messages.
             * @param m PairingNonce message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: fareader.v1.PairingNonce.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified PairingNonce message, length delimited. Does not implicitly {@link fareader.v1.PairingNonce.verify|verify} messages.
             * @param message PairingNonce message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: fareader.v1.PairingNonce.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PairingNonce message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {fareader.v1.PairingNonce & fareader.v1.PairingNonce.$Shape} PairingNonce
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): fareader.v1.PairingNonce & fareader.v1.PairingNonce.$Shape;

            /**
             * Decodes a PairingNonce message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {fareader.v1.PairingNonce & fareader.v1.PairingNonce.$Shape} PairingNonce
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): fareader.v1.PairingNonce & fareader.v1.PairingNonce.$Shape;

            /**
             * Verifies a PairingNonce message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a PairingNonce message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns PairingNonce
             */
            static fromObject(d: { [k: string]: any }): fareader.v1.PairingNonce;

            /**
             * Creates a plain object from a PairingNonce message. Also converts values to other types if specified.
             * @param m PairingNonce
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: fareader.v1.PairingNonce, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PairingNonce to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PairingNonce
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PairingNonce {

            /** Properties of a PairingNonce. */
            interface $Properties {

                /** PairingNonce nonce */
                nonce?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PairingNonce. */
            type $Shape = fareader.v1.PairingNonce.$Properties;
        }

        /**
         * Properties of a PairingConfirm.
         * @deprecated Use fareader.v1.PairingConfirm.$Properties instead.
         */
        interface IPairingConfirm extends fareader.v1.PairingConfirm.$Properties {
        }

        /** Represents a PairingConfirm. */
        class PairingConfirm {

            /**
             * Constructs a new PairingConfirm.
             * @param [p] Properties to set
             */
            constructor(p?: fareader.v1.PairingConfirm.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /**
             * Creates a new PairingConfirm instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PairingConfirm instance
             */
            static create(properties: fareader.v1.PairingConfirm.$Shape): fareader.v1.PairingConfirm & fareader.v1.PairingConfirm.$Shape;
            static create(properties?: fareader.v1.PairingConfirm.$Properties): fareader.v1.PairingConfirm;

            /**
             * Encodes the specified PairingConfirm message. Does not implicitly {@link fareader.v1.PairingConfirm.verify|verify} messages.
             * @param m PairingConfirm message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: fareader.v1.PairingConfirm.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified PairingConfirm message, length delimited. Does not implicitly {@link fareader.v1.PairingConfirm.verify|verify} messages.
             * @param message PairingConfirm message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: fareader.v1.PairingConfirm.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PairingConfirm message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {fareader.v1.PairingConfirm & fareader.v1.PairingConfirm.$Shape} PairingConfirm
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): fareader.v1.PairingConfirm & fareader.v1.PairingConfirm.$Shape;

            /**
             * Decodes a PairingConfirm message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {fareader.v1.PairingConfirm & fareader.v1.PairingConfirm.$Shape} PairingConfirm
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): fareader.v1.PairingConfirm & fareader.v1.PairingConfirm.$Shape;

            /**
             * Verifies a PairingConfirm message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a PairingConfirm message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns PairingConfirm
             */
            static fromObject(d: { [k: string]: any }): fareader.v1.PairingConfirm;

            /**
             * Creates a plain object from a PairingConfirm message. Also converts values to other types if specified.
             * @param m PairingConfirm
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: fareader.v1.PairingConfirm, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PairingConfirm to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PairingConfirm
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PairingConfirm {

            /** Properties of a PairingConfirm. */
            interface $Properties {

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PairingConfirm. */
            type $Shape = fareader.v1.PairingConfirm.$Properties;
        }

        /**
         * Properties of a PairingAbort.
         * @deprecated Use fareader.v1.PairingAbort.$Properties instead.
         */
        interface IPairingAbort extends fareader.v1.PairingAbort.$Properties {
        }

        /** Represents a PairingAbort. */
        class PairingAbort {

            /**
             * Constructs a new PairingAbort.
             * @param [p] Properties to set
             */
            constructor(p?: fareader.v1.PairingAbort.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PairingAbort reason. */
            reason: string;

            /**
             * Creates a new PairingAbort instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PairingAbort instance
             */
            static create(properties: fareader.v1.PairingAbort.$Shape): fareader.v1.PairingAbort & fareader.v1.PairingAbort.$Shape;
            static create(properties?: fareader.v1.PairingAbort.$Properties): fareader.v1.PairingAbort;

            /**
             * Encodes the specified PairingAbort message. Does not implicitly {@link fareader.v1.PairingAbort.verify|verify} messages.
             * @param m PairingAbort message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: fareader.v1.PairingAbort.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified PairingAbort message, length delimited. Does not implicitly {@link fareader.v1.PairingAbort.verify|verify} messages.
             * @param message PairingAbort message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: fareader.v1.PairingAbort.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PairingAbort message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {fareader.v1.PairingAbort & fareader.v1.PairingAbort.$Shape} PairingAbort
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): fareader.v1.PairingAbort & fareader.v1.PairingAbort.$Shape;

            /**
             * Decodes a PairingAbort message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {fareader.v1.PairingAbort & fareader.v1.PairingAbort.$Shape} PairingAbort
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): fareader.v1.PairingAbort & fareader.v1.PairingAbort.$Shape;

            /**
             * Verifies a PairingAbort message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a PairingAbort message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns PairingAbort
             */
            static fromObject(d: { [k: string]: any }): fareader.v1.PairingAbort;

            /**
             * Creates a plain object from a PairingAbort message. Also converts values to other types if specified.
             * @param m PairingAbort
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: fareader.v1.PairingAbort, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PairingAbort to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PairingAbort
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PairingAbort {

            /** Properties of a PairingAbort. */
            interface $Properties {

                /** PairingAbort reason */
                reason?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PairingAbort. */
            type $Shape = fareader.v1.PairingAbort.$Properties;
        }

        /**
         * Properties of a PairingMessage.
         * @deprecated Use fareader.v1.PairingMessage.$Properties instead.
         */
        interface IPairingMessage extends fareader.v1.PairingMessage.$Properties {
        }

        /** Represents a PairingMessage. */
        class PairingMessage {

            /**
             * Constructs a new PairingMessage.
             * @param [p] Properties to set
             */
            constructor(p?: fareader.v1.PairingMessage.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PairingMessage pairingId. */
            pairingId: Uint8Array;

            /** PairingMessage hello. */
            hello?: (fareader.v1.PairingHello.$Properties|null);

            /** PairingMessage commit. */
            commit?: (fareader.v1.PairingCommit.$Properties|null);

            /** PairingMessage terminalNonce. */
            terminalNonce?: (fareader.v1.PairingNonce.$Properties|null);

            /** PairingMessage deviceNonce. */
            deviceNonce?: (fareader.v1.PairingNonce.$Properties|null);

            /** PairingMessage confirm. */
            confirm?: (fareader.v1.PairingConfirm.$Properties|null);

            /** PairingMessage abort. */
            abort?: (fareader.v1.PairingAbort.$Properties|null);

            /** PairingMessage signature. */
            signature: Uint8Array;

            /** PairingMessage step. */
            step?: ("hello"|"commit"|"terminalNonce"|"deviceNonce"|"confirm"|"abort");

            /**
             * Creates a new PairingMessage instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PairingMessage instance
             */
            static create(properties: fareader.v1.PairingMessage.$Shape): fareader.v1.PairingMessage & fareader.v1.PairingMessage.$Shape;
            static create(properties?: fareader.v1.PairingMessage.$Properties): fareader.v1.PairingMessage;

            /**
             * Encodes the specified PairingMessage message. Does not implicitly {@link fareader.v1.PairingMessage.verify|verify} messages.
             * @param m PairingMessage message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: fareader.v1.PairingMessage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified PairingMessage message, length delimited. Does not implicitly {@link fareader.v1.PairingMessage.verify|verify} messages.
             * @param message PairingMessage message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: fareader.v1.PairingMessage.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PairingMessage message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {fareader.v1.PairingMessage & fareader.v1.PairingMessage.$Shape} PairingMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): fareader.v1.PairingMessage & fareader.v1.PairingMessage.$Shape;

            /**
             * Decodes a PairingMessage message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {fareader.v1.PairingMessage & fareader.v1.PairingMessage.$Shape} PairingMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): fareader.v1.PairingMessage & fareader.v1.PairingMessage.$Shape;

            /**
             * Verifies a PairingMessage message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a PairingMessage message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns PairingMessage
             */
            static fromObject(d: { [k: string]: any }): fareader.v1.PairingMessage;

            /**
             * Creates a plain object from a PairingMessage message. Also converts values to other types if specified.
             * @param m PairingMessage
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: fareader.v1.PairingMessage, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PairingMessage to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PairingMessage
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PairingMessage {

            /** Properties of a PairingMessage. */
            interface $Properties {

                /** PairingMessage pairingId */
                pairingId?: (Uint8Array|null);

                /** PairingMessage hello */
                hello?: (fareader.v1.PairingHello.$Properties|null);

                /** PairingMessage commit */
                commit?: (fareader.v1.PairingCommit.$Properties|null);

                /** PairingMessage terminalNonce */
                terminalNonce?: (fareader.v1.PairingNonce.$Properties|null);

                /** PairingMessage deviceNonce */
                deviceNonce?: (fareader.v1.PairingNonce.$Properties|null);

                /** PairingMessage confirm */
                confirm?: (fareader.v1.PairingConfirm.$Properties|null);

                /** PairingMessage abort */
                abort?: (fareader.v1.PairingAbort.$Properties|null);

                /** PairingMessage signature */
                signature?: (Uint8Array|null);

                /** PairingMessage step */
                step?: ("hello"|"commit"|"terminalNonce"|"deviceNonce"|"confirm"|"abort");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a PairingMessage. */
            type $Shape = {
              pairingId?: Uint8Array|null;
              hello?: fareader.v1.PairingHello.$Shape|null;
              commit?: fareader.v1.PairingCommit.$Shape|null;
              terminalNonce?: fareader.v1.PairingNonce.$Shape|null;
              deviceNonce?: fareader.v1.PairingNonce.$Shape|null;
              confirm?: fareader.v1.PairingConfirm.$Shape|null;
              abort?: fareader.v1.PairingAbort.$Shape|null;
              signature?: Uint8Array|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ step?: undefined; hello?: null; commit?: null; terminalNonce?: null; deviceNonce?: null; confirm?: null; abort?: null }|{ step?: "hello"; hello: fareader.v1.PairingHello.$Shape; commit?: null; terminalNonce?: null; deviceNonce?: null; confirm?: null; abort?: null }|{ step?: "commit"; hello?: null; commit: fareader.v1.PairingCommit.$Shape; terminalNonce?: null; deviceNonce?: null; confirm?: null; abort?: null }|{ step?: "terminalNonce"; hello?: null; commit?: null; terminalNonce: fareader.v1.PairingNonce.$Shape; deviceNonce?: null; confirm?: null; abort?: null }|{ step?: "deviceNonce"; hello?: null; commit?: null; terminalNonce?: null; deviceNonce: fareader.v1.PairingNonce.$Shape; confirm?: null; abort?: null }|{ step?: "confirm"; hello?: null; commit?: null; terminalNonce?: null; deviceNonce?: null; confirm: fareader.v1.PairingConfirm.$Shape; abort?: null }|{ step?: "abort"; hello?: null; commit?: null; terminalNonce?: null; deviceNonce?: null; confirm?: null; abort: fareader.v1.PairingAbort.$Shape })
            );
        }

        /** Method enum. */
        enum Method {

            /** METHOD_UNSPECIFIED value */
            METHOD_UNSPECIFIED = 0,

            /** METHOD_FACE value */
            METHOD_FACE = 1,

            /** METHOD_PIN value */
            METHOD_PIN = 2,

            /** METHOD_VISUAL_CHECK value */
            METHOD_VISUAL_CHECK = 3
        }

        /** Outcome enum. */
        enum Outcome {

            /** OUTCOME_UNSPECIFIED value */
            OUTCOME_UNSPECIFIED = 0,

            /** OUTCOME_VERIFIED value */
            OUTCOME_VERIFIED = 1,

            /** OUTCOME_FACE_NOT_MATCHED value */
            OUTCOME_FACE_NOT_MATCHED = 2,

            /** OUTCOME_LIVENESS_FAILED value */
            OUTCOME_LIVENESS_FAILED = 3,

            /** OUTCOME_PIN_WRONG value */
            OUTCOME_PIN_WRONG = 4,

            /** OUTCOME_PIN_BLOCKED value */
            OUTCOME_PIN_BLOCKED = 5,

            /** OUTCOME_CANCELLED_BY_PATIENT value */
            OUTCOME_CANCELLED_BY_PATIENT = 6,

            /** OUTCOME_CANCELLED_BY_TERMINAL value */
            OUTCOME_CANCELLED_BY_TERMINAL = 7,

            /** OUTCOME_TIMED_OUT value */
            OUTCOME_TIMED_OUT = 8,

            /** OUTCOME_CARD_REMOVED value */
            OUTCOME_CARD_REMOVED = 9,

            /** OUTCOME_CARD_ERROR value */
            OUTCOME_CARD_ERROR = 10,

            /** OUTCOME_CARD_EXPIRED value */
            OUTCOME_CARD_EXPIRED = 11,

            /** OUTCOME_CAMERA_ERROR value */
            OUTCOME_CAMERA_ERROR = 12,

            /** OUTCOME_MODULE_ERROR value */
            OUTCOME_MODULE_ERROR = 13,

            /** OUTCOME_CARD_FACE_UNREADABLE value */
            OUTCOME_CARD_FACE_UNREADABLE = 14,

            /** OUTCOME_VISUAL_CHECK_REJECTED value */
            OUTCOME_VISUAL_CHECK_REJECTED = 15,

            /** OUTCOME_INTERRUPTED value */
            OUTCOME_INTERRUPTED = 16
        }

        /** Stage enum. */
        enum Stage {

            /** STAGE_UNSPECIFIED value */
            STAGE_UNSPECIFIED = 0,

            /** STAGE_CARD_READ value */
            STAGE_CARD_READ = 1,

            /** STAGE_CARD_FACE_READ value */
            STAGE_CARD_FACE_READ = 2,

            /** STAGE_PHOTO_READ value */
            STAGE_PHOTO_READ = 3,

            /** STAGE_CAPTURE_AND_MATCH value */
            STAGE_CAPTURE_AND_MATCH = 4,

            /** STAGE_PIN value */
            STAGE_PIN = 5,

            /** STAGE_VISUAL_CHECK value */
            STAGE_VISUAL_CHECK = 6,

            /** STAGE_CONSENT value */
            STAGE_CONSENT = 7,

            /** STAGE_SIGN_AND_PUBLISH value */
            STAGE_SIGN_AND_PUBLISH = 8
        }

        /** ConsentKind enum. */
        enum ConsentKind {

            /** CONSENT_KIND_UNSPECIFIED value */
            CONSENT_KIND_UNSPECIFIED = 0,

            /** CONSENT_KIND_MEDICATION value */
            CONSENT_KIND_MEDICATION = 1,

            /** CONSENT_KIND_HEALTH_CHECKUP value */
            CONSENT_KIND_HEALTH_CHECKUP = 2,

            /** CONSENT_KIND_MEDICAL_TREATMENT value */
            CONSENT_KIND_MEDICAL_TREATMENT = 3,

            /** CONSENT_KIND_SURGERY value */
            CONSENT_KIND_SURGERY = 4,

            /** CONSENT_KIND_HIGH_COST_LIMIT value */
            CONSENT_KIND_HIGH_COST_LIMIT = 5
        }

        /**
         * Properties of a SessionEvent.
         * @deprecated Use fareader.v1.SessionEvent.$Properties instead.
         */
        interface ISessionEvent extends fareader.v1.SessionEvent.$Properties {
        }

        /** Represents a SessionEvent. */
        class SessionEvent {

            /**
             * Constructs a new SessionEvent.
             * @param [p] Properties to set
             */
            constructor(p?: fareader.v1.SessionEvent.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SessionEvent deviceId. */
            deviceId: string;

            /** SessionEvent sessionId. */
            sessionId: string;

            /** SessionEvent seq. */
            seq: (number|Long);

            /** SessionEvent stage. */
            stage: fareader.v1.Stage;

            /** SessionEvent state. */
            state: string;

            /** SessionEvent timeMs. */
            timeMs: (number|Long);

            /**
             * Creates a new SessionEvent instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SessionEvent instance
             */
            static create(properties: fareader.v1.SessionEvent.$Shape): fareader.v1.SessionEvent & fareader.v1.SessionEvent.$Shape;
            static create(properties?: fareader.v1.SessionEvent.$Properties): fareader.v1.SessionEvent;

            /**
             * Encodes the specified SessionEvent message. Does not implicitly {@link fareader.v1.SessionEvent.verify|verify} messages.
             * @param m SessionEvent message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: fareader.v1.SessionEvent.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified SessionEvent message, length delimited. Does not implicitly {@link fareader.v1.SessionEvent.verify|verify} messages.
             * @param message SessionEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: fareader.v1.SessionEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SessionEvent message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {fareader.v1.SessionEvent & fareader.v1.SessionEvent.$Shape} SessionEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): fareader.v1.SessionEvent & fareader.v1.SessionEvent.$Shape;

            /**
             * Decodes a SessionEvent message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {fareader.v1.SessionEvent & fareader.v1.SessionEvent.$Shape} SessionEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): fareader.v1.SessionEvent & fareader.v1.SessionEvent.$Shape;

            /**
             * Verifies a SessionEvent message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a SessionEvent message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns SessionEvent
             */
            static fromObject(d: { [k: string]: any }): fareader.v1.SessionEvent;

            /**
             * Creates a plain object from a SessionEvent message. Also converts values to other types if specified.
             * @param m SessionEvent
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: fareader.v1.SessionEvent, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SessionEvent to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for SessionEvent
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace SessionEvent {

            /** Properties of a SessionEvent. */
            interface $Properties {

                /** SessionEvent deviceId */
                deviceId?: (string|null);

                /** SessionEvent sessionId */
                sessionId?: (string|null);

                /** SessionEvent seq */
                seq?: (number|Long|null);

                /** SessionEvent stage */
                stage?: (fareader.v1.Stage|null);

                /** SessionEvent state */
                state?: (string|null);

                /** SessionEvent timeMs */
                timeMs?: (number|Long|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SessionEvent. */
            type $Shape = fareader.v1.SessionEvent.$Properties;
        }

        /**
         * Properties of a LivenessEvidence.
         * @deprecated Use fareader.v1.LivenessEvidence.$Properties instead.
         */
        interface ILivenessEvidence extends fareader.v1.LivenessEvidence.$Properties {
        }

        /** Represents a LivenessEvidence. */
        class LivenessEvidence {

            /**
             * Constructs a new LivenessEvidence.
             * @param [p] Properties to set
             */
            constructor(p?: fareader.v1.LivenessEvidence.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LivenessEvidence passed. */
            passed: boolean;

            /** LivenessEvidence challenge. */
            challenge: string;

            /** LivenessEvidence score. */
            score: number;

            /** LivenessEvidence threshold. */
            threshold: number;

            /** LivenessEvidence frames. */
            frames: number;

            /** LivenessEvidence checksPassed. */
            checksPassed: string[];

            /** LivenessEvidence reason. */
            reason: string;

            /** LivenessEvidence passiveScore. */
            passiveScore: number;

            /** LivenessEvidence passiveThreshold. */
            passiveThreshold: number;

            /**
             * Creates a new LivenessEvidence instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LivenessEvidence instance
             */
            static create(properties: fareader.v1.LivenessEvidence.$Shape): fareader.v1.LivenessEvidence & fareader.v1.LivenessEvidence.$Shape;
            static create(properties?: fareader.v1.LivenessEvidence.$Properties): fareader.v1.LivenessEvidence;

            /**
             * Encodes the specified LivenessEvidence message. Does not implicitly {@link fareader.v1.LivenessEvidence.verify|verify} messages.
             * @param m LivenessEvidence message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: fareader.v1.LivenessEvidence.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified LivenessEvidence message, length delimited. Does not implicitly {@link fareader.v1.LivenessEvidence.verify|verify} messages.
             * @param message LivenessEvidence message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: fareader.v1.LivenessEvidence.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LivenessEvidence message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {fareader.v1.LivenessEvidence & fareader.v1.LivenessEvidence.$Shape} LivenessEvidence
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): fareader.v1.LivenessEvidence & fareader.v1.LivenessEvidence.$Shape;

            /**
             * Decodes a LivenessEvidence message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {fareader.v1.LivenessEvidence & fareader.v1.LivenessEvidence.$Shape} LivenessEvidence
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): fareader.v1.LivenessEvidence & fareader.v1.LivenessEvidence.$Shape;

            /**
             * Verifies a LivenessEvidence message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a LivenessEvidence message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns LivenessEvidence
             */
            static fromObject(d: { [k: string]: any }): fareader.v1.LivenessEvidence;

            /**
             * Creates a plain object from a LivenessEvidence message. Also converts values to other types if specified.
             * @param m LivenessEvidence
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: fareader.v1.LivenessEvidence, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LivenessEvidence to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for LivenessEvidence
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace LivenessEvidence {

            /** Properties of a LivenessEvidence. */
            interface $Properties {

                /** LivenessEvidence passed */
                passed?: (boolean|null);

                /** LivenessEvidence challenge */
                challenge?: (string|null);

                /** LivenessEvidence score */
                score?: (number|null);

                /** LivenessEvidence threshold */
                threshold?: (number|null);

                /** LivenessEvidence frames */
                frames?: (number|null);

                /** LivenessEvidence checksPassed */
                checksPassed?: (string[]|null);

                /** LivenessEvidence reason */
                reason?: (string|null);

                /** LivenessEvidence passiveScore */
                passiveScore?: (number|null);

                /** LivenessEvidence passiveThreshold */
                passiveThreshold?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LivenessEvidence. */
            type $Shape = fareader.v1.LivenessEvidence.$Properties;
        }

        /**
         * Properties of a FaceEvidence.
         * @deprecated Use fareader.v1.FaceEvidence.$Properties instead.
         */
        interface IFaceEvidence extends fareader.v1.FaceEvidence.$Properties {
        }

        /** Represents a FaceEvidence. */
        class FaceEvidence {

            /**
             * Constructs a new FaceEvidence.
             * @param [p] Properties to set
             */
            constructor(p?: fareader.v1.FaceEvidence.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** FaceEvidence score. */
            score: number;

            /** FaceEvidence threshold. */
            threshold: number;

            /** FaceEvidence matcher. */
            matcher: string;

            /** FaceEvidence attempts. */
            attempts: number;

            /** FaceEvidence liveness. */
            liveness?: (fareader.v1.LivenessEvidence.$Properties|null);

            /**
             * Creates a new FaceEvidence instance using the specified properties.
             * @param [properties] Properties to set
             * @returns FaceEvidence instance
             */
            static create(properties: fareader.v1.FaceEvidence.$Shape): fareader.v1.FaceEvidence & fareader.v1.FaceEvidence.$Shape;
            static create(properties?: fareader.v1.FaceEvidence.$Properties): fareader.v1.FaceEvidence;

            /**
             * Encodes the specified FaceEvidence message. Does not implicitly {@link fareader.v1.FaceEvidence.verify|verify} messages.
             * @param m FaceEvidence message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: fareader.v1.FaceEvidence.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified FaceEvidence message, length delimited. Does not implicitly {@link fareader.v1.FaceEvidence.verify|verify} messages.
             * @param message FaceEvidence message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: fareader.v1.FaceEvidence.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a FaceEvidence message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {fareader.v1.FaceEvidence & fareader.v1.FaceEvidence.$Shape} FaceEvidence
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): fareader.v1.FaceEvidence & fareader.v1.FaceEvidence.$Shape;

            /**
             * Decodes a FaceEvidence message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {fareader.v1.FaceEvidence & fareader.v1.FaceEvidence.$Shape} FaceEvidence
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): fareader.v1.FaceEvidence & fareader.v1.FaceEvidence.$Shape;

            /**
             * Verifies a FaceEvidence message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a FaceEvidence message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns FaceEvidence
             */
            static fromObject(d: { [k: string]: any }): fareader.v1.FaceEvidence;

            /**
             * Creates a plain object from a FaceEvidence message. Also converts values to other types if specified.
             * @param m FaceEvidence
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: fareader.v1.FaceEvidence, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this FaceEvidence to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for FaceEvidence
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace FaceEvidence {

            /** Properties of a FaceEvidence. */
            interface $Properties {

                /** FaceEvidence score */
                score?: (number|null);

                /** FaceEvidence threshold */
                threshold?: (number|null);

                /** FaceEvidence matcher */
                matcher?: (string|null);

                /** FaceEvidence attempts */
                attempts?: (number|null);

                /** FaceEvidence liveness */
                liveness?: (fareader.v1.LivenessEvidence.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a FaceEvidence. */
            type $Shape = fareader.v1.FaceEvidence.$Properties;
        }

        /**
         * Properties of a PinEvidence.
         * @deprecated Use fareader.v1.PinEvidence.$Properties instead.
         */
        interface IPinEvidence extends fareader.v1.PinEvidence.$Properties {
        }

        /** Represents a PinEvidence. */
        class PinEvidence {

            /**
             * Constructs a new PinEvidence.
             * @param [p] Properties to set
             */
            constructor(p?: fareader.v1.PinEvidence.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PinEvidence cardSignature. */
            cardSignature: Uint8Array;

            /** PinEvidence signedDigest. */
            signedDigest: Uint8Array;

            /** PinEvidence algorithm. */
            algorithm: string;

            /** PinEvidence triesLeftBefore. */
            triesLeftBefore: number;

            /** PinEvidence lastTryConfirmed. */
            lastTryConfirmed: boolean;

            /**
             * Creates a new PinEvidence instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PinEvidence instance
             */
            static create(properties: fareader.v1.PinEvidence.$Shape): fareader.v1.PinEvidence & fareader.v1.PinEvidence.$Shape;
            static create(properties?: fareader.v1.PinEvidence.$Properties): fareader.v1.PinEvidence;

            /**
             * Encodes the specified PinEvidence message. Does not implicitly {@link fareader.v1.PinEvidence.verify|verify} messages.
             * @param m PinEvidence message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: fareader.v1.PinEvidence.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified PinEvidence message, length delimited. Does not implicitly {@link fareader.v1.PinEvidence.verify|verify} messages.
             * @param message PinEvidence message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: fareader.v1.PinEvidence.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PinEvidence message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {fareader.v1.PinEvidence & fareader.v1.PinEvidence.$Shape} PinEvidence
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): fareader.v1.PinEvidence & fareader.v1.PinEvidence.$Shape;

            /**
             * Decodes a PinEvidence message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {fareader.v1.PinEvidence & fareader.v1.PinEvidence.$Shape} PinEvidence
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): fareader.v1.PinEvidence & fareader.v1.PinEvidence.$Shape;

            /**
             * Verifies a PinEvidence message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a PinEvidence message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns PinEvidence
             */
            static fromObject(d: { [k: string]: any }): fareader.v1.PinEvidence;

            /**
             * Creates a plain object from a PinEvidence message. Also converts values to other types if specified.
             * @param m PinEvidence
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: fareader.v1.PinEvidence, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PinEvidence to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PinEvidence
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PinEvidence {

            /** Properties of a PinEvidence. */
            interface $Properties {

                /** PinEvidence cardSignature */
                cardSignature?: (Uint8Array|null);

                /** PinEvidence signedDigest */
                signedDigest?: (Uint8Array|null);

                /** PinEvidence algorithm */
                algorithm?: (string|null);

                /** PinEvidence triesLeftBefore */
                triesLeftBefore?: (number|null);

                /** PinEvidence lastTryConfirmed */
                lastTryConfirmed?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PinEvidence. */
            type $Shape = fareader.v1.PinEvidence.$Properties;
        }

        /**
         * Properties of a VisualCheckEvidence.
         * @deprecated Use fareader.v1.VisualCheckEvidence.$Properties instead.
         */
        interface IVisualCheckEvidence extends fareader.v1.VisualCheckEvidence.$Properties {
        }

        /** Represents a VisualCheckEvidence. */
        class VisualCheckEvidence {

            /**
             * Constructs a new VisualCheckEvidence.
             * @param [p] Properties to set
             */
            constructor(p?: fareader.v1.VisualCheckEvidence.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** VisualCheckEvidence enablingCommandId. */
            enablingCommandId: Uint8Array;

            /** VisualCheckEvidence staffId. */
            staffId: string;

            /** VisualCheckEvidence confirmed. */
            confirmed: boolean;

            /**
             * Creates a new VisualCheckEvidence instance using the specified properties.
             * @param [properties] Properties to set
             * @returns VisualCheckEvidence instance
             */
            static create(properties: fareader.v1.VisualCheckEvidence.$Shape): fareader.v1.VisualCheckEvidence & fareader.v1.VisualCheckEvidence.$Shape;
            static create(properties?: fareader.v1.VisualCheckEvidence.$Properties): fareader.v1.VisualCheckEvidence;

            /**
             * Encodes the specified VisualCheckEvidence message. Does not implicitly {@link fareader.v1.VisualCheckEvidence.verify|verify} messages.
             * @param m VisualCheckEvidence message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: fareader.v1.VisualCheckEvidence.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified VisualCheckEvidence message, length delimited. Does not implicitly {@link fareader.v1.VisualCheckEvidence.verify|verify} messages.
             * @param message VisualCheckEvidence message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: fareader.v1.VisualCheckEvidence.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a VisualCheckEvidence message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {fareader.v1.VisualCheckEvidence & fareader.v1.VisualCheckEvidence.$Shape} VisualCheckEvidence
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): fareader.v1.VisualCheckEvidence & fareader.v1.VisualCheckEvidence.$Shape;

            /**
             * Decodes a VisualCheckEvidence message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {fareader.v1.VisualCheckEvidence & fareader.v1.VisualCheckEvidence.$Shape} VisualCheckEvidence
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): fareader.v1.VisualCheckEvidence & fareader.v1.VisualCheckEvidence.$Shape;

            /**
             * Verifies a VisualCheckEvidence message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a VisualCheckEvidence message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns VisualCheckEvidence
             */
            static fromObject(d: { [k: string]: any }): fareader.v1.VisualCheckEvidence;

            /**
             * Creates a plain object from a VisualCheckEvidence message. Also converts values to other types if specified.
             * @param m VisualCheckEvidence
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: fareader.v1.VisualCheckEvidence, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this VisualCheckEvidence to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for VisualCheckEvidence
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace VisualCheckEvidence {

            /** Properties of a VisualCheckEvidence. */
            interface $Properties {

                /** VisualCheckEvidence enablingCommandId */
                enablingCommandId?: (Uint8Array|null);

                /** VisualCheckEvidence staffId */
                staffId?: (string|null);

                /** VisualCheckEvidence confirmed */
                confirmed?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a VisualCheckEvidence. */
            type $Shape = fareader.v1.VisualCheckEvidence.$Properties;
        }

        /**
         * Properties of a Consent.
         * @deprecated Use fareader.v1.Consent.$Properties instead.
         */
        interface IConsent extends fareader.v1.Consent.$Properties {
        }

        /** Represents a Consent. */
        class Consent {

            /**
             * Constructs a new Consent.
             * @param [p] Properties to set
             */
            constructor(p?: fareader.v1.Consent.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Consent kind. */
            kind: fareader.v1.ConsentKind;

            /** Consent granted. */
            granted: boolean;

            /**
             * Creates a new Consent instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Consent instance
             */
            static create(properties: fareader.v1.Consent.$Shape): fareader.v1.Consent & fareader.v1.Consent.$Shape;
            static create(properties?: fareader.v1.Consent.$Properties): fareader.v1.Consent;

            /**
             * Encodes the specified Consent message. Does not implicitly {@link fareader.v1.Consent.verify|verify} messages.
             * @param m Consent message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: fareader.v1.Consent.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Consent message, length delimited. Does not implicitly {@link fareader.v1.Consent.verify|verify} messages.
             * @param message Consent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: fareader.v1.Consent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Consent message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {fareader.v1.Consent & fareader.v1.Consent.$Shape} Consent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): fareader.v1.Consent & fareader.v1.Consent.$Shape;

            /**
             * Decodes a Consent message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {fareader.v1.Consent & fareader.v1.Consent.$Shape} Consent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): fareader.v1.Consent & fareader.v1.Consent.$Shape;

            /**
             * Verifies a Consent message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a Consent message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns Consent
             */
            static fromObject(d: { [k: string]: any }): fareader.v1.Consent;

            /**
             * Creates a plain object from a Consent message. Also converts values to other types if specified.
             * @param m Consent
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: fareader.v1.Consent, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Consent to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Consent
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Consent {

            /** Properties of a Consent. */
            interface $Properties {

                /** Consent kind */
                kind?: (fareader.v1.ConsentKind|null);

                /** Consent granted */
                granted?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Consent. */
            type $Shape = fareader.v1.Consent.$Properties;
        }

        /**
         * Properties of a StageTiming.
         * @deprecated Use fareader.v1.StageTiming.$Properties instead.
         */
        interface IStageTiming extends fareader.v1.StageTiming.$Properties {
        }

        /** Represents a StageTiming. */
        class StageTiming {

            /**
             * Constructs a new StageTiming.
             * @param [p] Properties to set
             */
            constructor(p?: fareader.v1.StageTiming.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** StageTiming stage. */
            stage: fareader.v1.Stage;

            /** StageTiming durationMs. */
            durationMs: number;

            /**
             * Creates a new StageTiming instance using the specified properties.
             * @param [properties] Properties to set
             * @returns StageTiming instance
             */
            static create(properties: fareader.v1.StageTiming.$Shape): fareader.v1.StageTiming & fareader.v1.StageTiming.$Shape;
            static create(properties?: fareader.v1.StageTiming.$Properties): fareader.v1.StageTiming;

            /**
             * Encodes the specified StageTiming message. Does not implicitly {@link fareader.v1.StageTiming.verify|verify} messages.
             * @param m StageTiming message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: fareader.v1.StageTiming.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified StageTiming message, length delimited. Does not implicitly {@link fareader.v1.StageTiming.verify|verify} messages.
             * @param message StageTiming message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: fareader.v1.StageTiming.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a StageTiming message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {fareader.v1.StageTiming & fareader.v1.StageTiming.$Shape} StageTiming
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): fareader.v1.StageTiming & fareader.v1.StageTiming.$Shape;

            /**
             * Decodes a StageTiming message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {fareader.v1.StageTiming & fareader.v1.StageTiming.$Shape} StageTiming
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): fareader.v1.StageTiming & fareader.v1.StageTiming.$Shape;

            /**
             * Verifies a StageTiming message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a StageTiming message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns StageTiming
             */
            static fromObject(d: { [k: string]: any }): fareader.v1.StageTiming;

            /**
             * Creates a plain object from a StageTiming message. Also converts values to other types if specified.
             * @param m StageTiming
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: fareader.v1.StageTiming, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this StageTiming to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for StageTiming
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace StageTiming {

            /** Properties of a StageTiming. */
            interface $Properties {

                /** StageTiming stage */
                stage?: (fareader.v1.Stage|null);

                /** StageTiming durationMs */
                durationMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a StageTiming. */
            type $Shape = fareader.v1.StageTiming.$Properties;
        }

        /**
         * Properties of a VerificationResult.
         * @deprecated Use fareader.v1.VerificationResult.$Properties instead.
         */
        interface IVerificationResult extends fareader.v1.VerificationResult.$Properties {
        }

        /** Represents a VerificationResult. */
        class VerificationResult {

            /**
             * Constructs a new VerificationResult.
             * @param [p] Properties to set
             */
            constructor(p?: fareader.v1.VerificationResult.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** VerificationResult sessionId. */
            sessionId: string;

            /** VerificationResult deviceId. */
            deviceId: string;

            /** VerificationResult counter. */
            counter: (number|Long);

            /** VerificationResult terminalNonce. */
            terminalNonce: Uint8Array;

            /** VerificationResult method. */
            method: fareader.v1.Method;

            /** VerificationResult outcome. */
            outcome: fareader.v1.Outcome;

            /** VerificationResult userAuthCertificate. */
            userAuthCertificate: Uint8Array;

            /** VerificationResult face. */
            face?: (fareader.v1.FaceEvidence.$Properties|null);

            /** VerificationResult pin. */
            pin?: (fareader.v1.PinEvidence.$Properties|null);

            /** VerificationResult visualCheck. */
            visualCheck?: (fareader.v1.VisualCheckEvidence.$Properties|null);

            /** VerificationResult consents. */
            consents: fareader.v1.Consent.$Properties[];

            /** VerificationResult timings. */
            timings: fareader.v1.StageTiming.$Properties[];

            /** VerificationResult startedAtMs. */
            startedAtMs: (number|Long);

            /** VerificationResult finishedAtMs. */
            finishedAtMs: (number|Long);

            /** VerificationResult detail. */
            detail: string;

            /** VerificationResult linkTest. */
            linkTest: boolean;

            /** VerificationResult evidence. */
            evidence?: ("face"|"pin"|"visualCheck");

            /**
             * Creates a new VerificationResult instance using the specified properties.
             * @param [properties] Properties to set
             * @returns VerificationResult instance
             */
            static create(properties: fareader.v1.VerificationResult.$Shape): fareader.v1.VerificationResult & fareader.v1.VerificationResult.$Shape;
            static create(properties?: fareader.v1.VerificationResult.$Properties): fareader.v1.VerificationResult;

            /**
             * Encodes the specified VerificationResult message. Does not implicitly {@link fareader.v1.VerificationResult.verify|verify} messages.
             * @param m VerificationResult message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: fareader.v1.VerificationResult.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified VerificationResult message, length delimited. Does not implicitly {@link fareader.v1.VerificationResult.verify|verify} messages.
             * @param message VerificationResult message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: fareader.v1.VerificationResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a VerificationResult message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {fareader.v1.VerificationResult & fareader.v1.VerificationResult.$Shape} VerificationResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): fareader.v1.VerificationResult & fareader.v1.VerificationResult.$Shape;

            /**
             * Decodes a VerificationResult message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {fareader.v1.VerificationResult & fareader.v1.VerificationResult.$Shape} VerificationResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): fareader.v1.VerificationResult & fareader.v1.VerificationResult.$Shape;

            /**
             * Verifies a VerificationResult message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a VerificationResult message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns VerificationResult
             */
            static fromObject(d: { [k: string]: any }): fareader.v1.VerificationResult;

            /**
             * Creates a plain object from a VerificationResult message. Also converts values to other types if specified.
             * @param m VerificationResult
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: fareader.v1.VerificationResult, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this VerificationResult to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for VerificationResult
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace VerificationResult {

            /** Properties of a VerificationResult. */
            interface $Properties {

                /** VerificationResult sessionId */
                sessionId?: (string|null);

                /** VerificationResult deviceId */
                deviceId?: (string|null);

                /** VerificationResult counter */
                counter?: (number|Long|null);

                /** VerificationResult terminalNonce */
                terminalNonce?: (Uint8Array|null);

                /** VerificationResult method */
                method?: (fareader.v1.Method|null);

                /** VerificationResult outcome */
                outcome?: (fareader.v1.Outcome|null);

                /** VerificationResult userAuthCertificate */
                userAuthCertificate?: (Uint8Array|null);

                /** VerificationResult face */
                face?: (fareader.v1.FaceEvidence.$Properties|null);

                /** VerificationResult pin */
                pin?: (fareader.v1.PinEvidence.$Properties|null);

                /** VerificationResult visualCheck */
                visualCheck?: (fareader.v1.VisualCheckEvidence.$Properties|null);

                /** VerificationResult consents */
                consents?: (fareader.v1.Consent.$Properties[]|null);

                /** VerificationResult timings */
                timings?: (fareader.v1.StageTiming.$Properties[]|null);

                /** VerificationResult startedAtMs */
                startedAtMs?: (number|Long|null);

                /** VerificationResult finishedAtMs */
                finishedAtMs?: (number|Long|null);

                /** VerificationResult detail */
                detail?: (string|null);

                /** VerificationResult linkTest */
                linkTest?: (boolean|null);

                /** VerificationResult evidence */
                evidence?: ("face"|"pin"|"visualCheck");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a VerificationResult. */
            type $Shape = {
              sessionId?: string|null;
              deviceId?: string|null;
              counter?: number|Long|null;
              terminalNonce?: Uint8Array|null;
              method?: fareader.v1.Method|null;
              outcome?: fareader.v1.Outcome|null;
              userAuthCertificate?: Uint8Array|null;
              face?: fareader.v1.FaceEvidence.$Shape|null;
              pin?: fareader.v1.PinEvidence.$Shape|null;
              visualCheck?: fareader.v1.VisualCheckEvidence.$Shape|null;
              consents?: fareader.v1.Consent.$Shape[]|null;
              timings?: fareader.v1.StageTiming.$Shape[]|null;
              startedAtMs?: number|Long|null;
              finishedAtMs?: number|Long|null;
              detail?: string|null;
              linkTest?: boolean|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ evidence?: undefined; face?: null; pin?: null; visualCheck?: null }|{ evidence?: "face"; face: fareader.v1.FaceEvidence.$Shape; pin?: null; visualCheck?: null }|{ evidence?: "pin"; face?: null; pin: fareader.v1.PinEvidence.$Shape; visualCheck?: null }|{ evidence?: "visualCheck"; face?: null; pin?: null; visualCheck: fareader.v1.VisualCheckEvidence.$Shape })
            );
        }
    }
}
