/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $String = $util.global.String, $Array = $util.global.Array, $Boolean = $util.global.Boolean, $Number = $util.global.Number, $parseInt = $util.global.parseInt, $BigInt = $util.global.BigInt, $isFinite = $util.global.isFinite;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const fareader = $root.fareader = (() => {

    /**
     * Namespace fareader.
     * @exports fareader
     * @namespace
     */
    const fareader = {};

    fareader.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof fareader
         * @namespace
         */
        const v1 = {};

        v1.StartSession = (function() {

            /**
             * Properties of a StartSession.
             * @typedef {Object} fareader.v1.StartSession.$Properties
             * @property {Uint8Array|null} [nonce] StartSession nonce
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a StartSession.
             * @memberof fareader.v1
             * @interface IStartSession
             * @augments fareader.v1.StartSession.$Properties
             * @deprecated Use fareader.v1.StartSession.$Properties instead.
             */

            /**
             * Shape of a StartSession.
             * @typedef {fareader.v1.StartSession.$Properties} fareader.v1.StartSession.$Shape
             */

            /**
             * Constructs a new StartSession.
             * @memberof fareader.v1
             * @classdesc Represents a StartSession.
             * @constructor
             * @param {fareader.v1.StartSession.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const StartSession = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * StartSession nonce.
             * @member {Uint8Array} nonce
             * @memberof fareader.v1.StartSession
             * @instance
             */
            StartSession.prototype.nonce = $util.newBuffer([]);

            /**
             * Creates a new StartSession instance using the specified properties.
             * @function create
             * @memberof fareader.v1.StartSession
             * @static
             * @param {fareader.v1.StartSession.$Properties=} [properties] Properties to set
             * @returns {fareader.v1.StartSession} StartSession instance
             * @type {{
             *   (properties: fareader.v1.StartSession.$Shape): fareader.v1.StartSession & fareader.v1.StartSession.$Shape;
             *   (properties?: fareader.v1.StartSession.$Properties): fareader.v1.StartSession;
             * }}
             */
            StartSession.create = function(properties) {
                return new StartSession(properties);
            };

            /**
             * Encodes the specified StartSession message. Does not implicitly {@link fareader.v1.StartSession.verify|verify} messages.
             * @function encode
             * @memberof fareader.v1.StartSession
             * @static
             * @param {fareader.v1.StartSession.$Properties} m StartSession message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StartSession.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.nonce != null && $Object.hasOwnProperty.call(m, "nonce") && m.nonce.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.nonce);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified StartSession message, length delimited. Does not implicitly {@link fareader.v1.StartSession.verify|verify} messages.
             * @function encodeDelimited
             * @memberof fareader.v1.StartSession
             * @static
             * @param {fareader.v1.StartSession.$Properties} message StartSession message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StartSession.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a StartSession message from the specified reader or buffer.
             * @function decode
             * @memberof fareader.v1.StartSession
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {fareader.v1.StartSession & fareader.v1.StartSession.$Shape} StartSession
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StartSession.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.fareader.v1.StartSession();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.nonce = v;
                            else
                                delete m.nonce;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a StartSession message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof fareader.v1.StartSession
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {fareader.v1.StartSession & fareader.v1.StartSession.$Shape} StartSession
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StartSession.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a StartSession message.
             * @function verify
             * @memberof fareader.v1.StartSession
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            StartSession.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.nonce != null && $Object.hasOwnProperty.call(m, "nonce")) {
                    if (!(m.nonce && typeof m.nonce.length === "number" || $util.isString(m.nonce)))
                        return "nonce: buffer expected";
                }
                return null;
            };

            /**
             * Creates a StartSession message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof fareader.v1.StartSession
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {fareader.v1.StartSession} StartSession
             */
            StartSession.fromObject = function (d, q) {
                if (d instanceof $root.fareader.v1.StartSession)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".fareader.v1.StartSession: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.fareader.v1.StartSession();
                if (d.nonce != null) {
                    if (d.nonce.length) {
                        if (typeof d.nonce === "string")
                            $util.base64.decode(d.nonce, m.nonce = $util.newBuffer($util.base64.length(d.nonce)), 0);
                        else if (d.nonce.length >= 0)
                            m.nonce = d.nonce;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a StartSession message. Also converts values to other types if specified.
             * @function toObject
             * @memberof fareader.v1.StartSession
             * @static
             * @param {fareader.v1.StartSession} m StartSession
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            StartSession.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if (o.bytes === $String)
                        d.nonce = "";
                    else {
                        d.nonce = [];
                        if (o.bytes !== $Array)
                            d.nonce = $util.newBuffer(d.nonce);
                    }
                }
                if (m.nonce != null && $Object.hasOwnProperty.call(m, "nonce")) {
                    d.nonce = o.bytes === $String ? $util.base64.encode(m.nonce, 0, m.nonce.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.nonce) : m.nonce;
                }
                return d;
            };

            /**
             * Converts this StartSession to JSON.
             * @function toJSON
             * @memberof fareader.v1.StartSession
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            StartSession.prototype.toJSON = function() {
                return StartSession.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for StartSession
             * @function getTypeUrl
             * @memberof fareader.v1.StartSession
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            StartSession.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fareader.v1.StartSession";
            };

            return StartSession;
        })();

        v1.CancelSession = (function() {

            /**
             * Properties of a CancelSession.
             * @typedef {Object} fareader.v1.CancelSession.$Properties
             * @property {string|null} [sessionId] CancelSession sessionId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CancelSession.
             * @memberof fareader.v1
             * @interface ICancelSession
             * @augments fareader.v1.CancelSession.$Properties
             * @deprecated Use fareader.v1.CancelSession.$Properties instead.
             */

            /**
             * Shape of a CancelSession.
             * @typedef {fareader.v1.CancelSession.$Properties} fareader.v1.CancelSession.$Shape
             */

            /**
             * Constructs a new CancelSession.
             * @memberof fareader.v1
             * @classdesc Represents a CancelSession.
             * @constructor
             * @param {fareader.v1.CancelSession.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CancelSession = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * CancelSession sessionId.
             * @member {string} sessionId
             * @memberof fareader.v1.CancelSession
             * @instance
             */
            CancelSession.prototype.sessionId = "";

            /**
             * Creates a new CancelSession instance using the specified properties.
             * @function create
             * @memberof fareader.v1.CancelSession
             * @static
             * @param {fareader.v1.CancelSession.$Properties=} [properties] Properties to set
             * @returns {fareader.v1.CancelSession} CancelSession instance
             * @type {{
             *   (properties: fareader.v1.CancelSession.$Shape): fareader.v1.CancelSession & fareader.v1.CancelSession.$Shape;
             *   (properties?: fareader.v1.CancelSession.$Properties): fareader.v1.CancelSession;
             * }}
             */
            CancelSession.create = function(properties) {
                return new CancelSession(properties);
            };

            /**
             * Encodes the specified CancelSession message. Does not implicitly {@link fareader.v1.CancelSession.verify|verify} messages.
             * @function encode
             * @memberof fareader.v1.CancelSession
             * @static
             * @param {fareader.v1.CancelSession.$Properties} m CancelSession message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CancelSession.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.sessionId != null && $Object.hasOwnProperty.call(m, "sessionId") && m.sessionId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.sessionId);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified CancelSession message, length delimited. Does not implicitly {@link fareader.v1.CancelSession.verify|verify} messages.
             * @function encodeDelimited
             * @memberof fareader.v1.CancelSession
             * @static
             * @param {fareader.v1.CancelSession.$Properties} message CancelSession message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CancelSession.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a CancelSession message from the specified reader or buffer.
             * @function decode
             * @memberof fareader.v1.CancelSession
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {fareader.v1.CancelSession & fareader.v1.CancelSession.$Shape} CancelSession
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CancelSession.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.fareader.v1.CancelSession();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.sessionId = v;
                            else
                                delete m.sessionId;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a CancelSession message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof fareader.v1.CancelSession
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {fareader.v1.CancelSession & fareader.v1.CancelSession.$Shape} CancelSession
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CancelSession.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a CancelSession message.
             * @function verify
             * @memberof fareader.v1.CancelSession
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            CancelSession.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.sessionId != null && $Object.hasOwnProperty.call(m, "sessionId")) {
                    if (!$util.isString(m.sessionId))
                        return "sessionId: string expected";
                }
                return null;
            };

            /**
             * Creates a CancelSession message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof fareader.v1.CancelSession
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {fareader.v1.CancelSession} CancelSession
             */
            CancelSession.fromObject = function (d, q) {
                if (d instanceof $root.fareader.v1.CancelSession)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".fareader.v1.CancelSession: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.fareader.v1.CancelSession();
                if (d.sessionId != null) {
                    if (typeof d.sessionId !== "string" || d.sessionId.length) {
                        m.sessionId = $String(d.sessionId);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a CancelSession message. Also converts values to other types if specified.
             * @function toObject
             * @memberof fareader.v1.CancelSession
             * @static
             * @param {fareader.v1.CancelSession} m CancelSession
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            CancelSession.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.sessionId = "";
                }
                if (m.sessionId != null && $Object.hasOwnProperty.call(m, "sessionId")) {
                    d.sessionId = m.sessionId;
                }
                return d;
            };

            /**
             * Converts this CancelSession to JSON.
             * @function toJSON
             * @memberof fareader.v1.CancelSession
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            CancelSession.prototype.toJSON = function() {
                return CancelSession.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for CancelSession
             * @function getTypeUrl
             * @memberof fareader.v1.CancelSession
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            CancelSession.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fareader.v1.CancelSession";
            };

            return CancelSession;
        })();

        /**
         * ReaderMode enum.
         * @name fareader.v1.ReaderMode
         * @enum {number}
         * @property {number} READER_MODE_UNSPECIFIED=0 READER_MODE_UNSPECIFIED value
         * @property {number} READER_MODE_NORMAL=1 READER_MODE_NORMAL value
         * @property {number} READER_MODE_VISUAL_CHECK=2 READER_MODE_VISUAL_CHECK value
         * @property {number} READER_MODE_MAINTENANCE=3 READER_MODE_MAINTENANCE value
         * @property {number} READER_MODE_OUT_OF_SERVICE=4 READER_MODE_OUT_OF_SERVICE value
         */
        v1.ReaderMode = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "READER_MODE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "READER_MODE_NORMAL"] = 1;
            values[valuesById[2] = "READER_MODE_VISUAL_CHECK"] = 2;
            values[valuesById[3] = "READER_MODE_MAINTENANCE"] = 3;
            values[valuesById[4] = "READER_MODE_OUT_OF_SERVICE"] = 4;
            return values;
        })();

        v1.SetMode = (function() {

            /**
             * Properties of a SetMode.
             * @typedef {Object} fareader.v1.SetMode.$Properties
             * @property {fareader.v1.ReaderMode|null} [mode] SetMode mode
             * @property {string|null} [staffId] SetMode staffId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SetMode.
             * @memberof fareader.v1
             * @interface ISetMode
             * @augments fareader.v1.SetMode.$Properties
             * @deprecated Use fareader.v1.SetMode.$Properties instead.
             */

            /**
             * Shape of a SetMode.
             * @typedef {fareader.v1.SetMode.$Properties} fareader.v1.SetMode.$Shape
             */

            /**
             * Constructs a new SetMode.
             * @memberof fareader.v1
             * @classdesc Represents a SetMode.
             * @constructor
             * @param {fareader.v1.SetMode.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SetMode = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * SetMode mode.
             * @member {fareader.v1.ReaderMode} mode
             * @memberof fareader.v1.SetMode
             * @instance
             */
            SetMode.prototype.mode = 0;

            /**
             * SetMode staffId.
             * @member {string} staffId
             * @memberof fareader.v1.SetMode
             * @instance
             */
            SetMode.prototype.staffId = "";

            /**
             * Creates a new SetMode instance using the specified properties.
             * @function create
             * @memberof fareader.v1.SetMode
             * @static
             * @param {fareader.v1.SetMode.$Properties=} [properties] Properties to set
             * @returns {fareader.v1.SetMode} SetMode instance
             * @type {{
             *   (properties: fareader.v1.SetMode.$Shape): fareader.v1.SetMode & fareader.v1.SetMode.$Shape;
             *   (properties?: fareader.v1.SetMode.$Properties): fareader.v1.SetMode;
             * }}
             */
            SetMode.create = function(properties) {
                return new SetMode(properties);
            };

            /**
             * Encodes the specified SetMode message. Does not implicitly {@link fareader.v1.SetMode.verify|verify} messages.
             * @function encode
             * @memberof fareader.v1.SetMode
             * @static
             * @param {fareader.v1.SetMode.$Properties} m SetMode message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SetMode.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.mode != null && $Object.hasOwnProperty.call(m, "mode") && m.mode !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).int32(m.mode);
                if (m.staffId != null && $Object.hasOwnProperty.call(m, "staffId") && m.staffId !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.staffId);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified SetMode message, length delimited. Does not implicitly {@link fareader.v1.SetMode.verify|verify} messages.
             * @function encodeDelimited
             * @memberof fareader.v1.SetMode
             * @static
             * @param {fareader.v1.SetMode.$Properties} message SetMode message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SetMode.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a SetMode message from the specified reader or buffer.
             * @function decode
             * @memberof fareader.v1.SetMode
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {fareader.v1.SetMode & fareader.v1.SetMode.$Shape} SetMode
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SetMode.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.fareader.v1.SetMode();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.mode = v;
                            else
                                delete m.mode;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.staffId = v;
                            else
                                delete m.staffId;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a SetMode message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof fareader.v1.SetMode
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {fareader.v1.SetMode & fareader.v1.SetMode.$Shape} SetMode
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SetMode.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a SetMode message.
             * @function verify
             * @memberof fareader.v1.SetMode
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            SetMode.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.mode != null && $Object.hasOwnProperty.call(m, "mode")) {
                    if (typeof m.mode !== "number" || (m.mode | 0) !== m.mode)
                        return "mode: enum value expected";
                }
                if (m.staffId != null && $Object.hasOwnProperty.call(m, "staffId")) {
                    if (!$util.isString(m.staffId))
                        return "staffId: string expected";
                }
                return null;
            };

            /**
             * Creates a SetMode message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof fareader.v1.SetMode
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {fareader.v1.SetMode} SetMode
             */
            SetMode.fromObject = function (d, q) {
                if (d instanceof $root.fareader.v1.SetMode)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".fareader.v1.SetMode: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.fareader.v1.SetMode();
                if (d.mode !== 0 && (typeof d.mode !== "string" || $root.fareader.v1.ReaderMode[d.mode] !== 0)) {
                    switch (d.mode) {
                    case "READER_MODE_UNSPECIFIED":
                    case 0:
                        m.mode = 0;
                        break;
                    case "READER_MODE_NORMAL":
                    case 1:
                        m.mode = 1;
                        break;
                    case "READER_MODE_VISUAL_CHECK":
                    case 2:
                        m.mode = 2;
                        break;
                    case "READER_MODE_MAINTENANCE":
                    case 3:
                        m.mode = 3;
                        break;
                    case "READER_MODE_OUT_OF_SERVICE":
                    case 4:
                        m.mode = 4;
                        break;
                    default:
                        if (typeof d.mode === "number" && (d.mode | 0) === d.mode)
                            m.mode = d.mode;
                    }
                }
                if (d.staffId != null) {
                    if (typeof d.staffId !== "string" || d.staffId.length) {
                        m.staffId = $String(d.staffId);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a SetMode message. Also converts values to other types if specified.
             * @function toObject
             * @memberof fareader.v1.SetMode
             * @static
             * @param {fareader.v1.SetMode} m SetMode
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SetMode.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.mode = o.enums === $String ? "READER_MODE_UNSPECIFIED" : 0;
                    d.staffId = "";
                }
                if (m.mode != null && $Object.hasOwnProperty.call(m, "mode")) {
                    d.mode = o.enums === $String ? $root.fareader.v1.ReaderMode[m.mode] === $undefined ? m.mode : $root.fareader.v1.ReaderMode[m.mode] : m.mode;
                }
                if (m.staffId != null && $Object.hasOwnProperty.call(m, "staffId")) {
                    d.staffId = m.staffId;
                }
                return d;
            };

            /**
             * Converts this SetMode to JSON.
             * @function toJSON
             * @memberof fareader.v1.SetMode
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SetMode.prototype.toJSON = function() {
                return SetMode.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for SetMode
             * @function getTypeUrl
             * @memberof fareader.v1.SetMode
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SetMode.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fareader.v1.SetMode";
            };

            return SetMode;
        })();

        v1.VisualCheckDecision = (function() {

            /**
             * Properties of a VisualCheckDecision.
             * @typedef {Object} fareader.v1.VisualCheckDecision.$Properties
             * @property {string|null} [sessionId] VisualCheckDecision sessionId
             * @property {boolean|null} [confirmed] VisualCheckDecision confirmed
             * @property {string|null} [staffId] VisualCheckDecision staffId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a VisualCheckDecision.
             * @memberof fareader.v1
             * @interface IVisualCheckDecision
             * @augments fareader.v1.VisualCheckDecision.$Properties
             * @deprecated Use fareader.v1.VisualCheckDecision.$Properties instead.
             */

            /**
             * Shape of a VisualCheckDecision.
             * @typedef {fareader.v1.VisualCheckDecision.$Properties} fareader.v1.VisualCheckDecision.$Shape
             */

            /**
             * Constructs a new VisualCheckDecision.
             * @memberof fareader.v1
             * @classdesc Represents a VisualCheckDecision.
             * @constructor
             * @param {fareader.v1.VisualCheckDecision.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const VisualCheckDecision = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * VisualCheckDecision sessionId.
             * @member {string} sessionId
             * @memberof fareader.v1.VisualCheckDecision
             * @instance
             */
            VisualCheckDecision.prototype.sessionId = "";

            /**
             * VisualCheckDecision confirmed.
             * @member {boolean} confirmed
             * @memberof fareader.v1.VisualCheckDecision
             * @instance
             */
            VisualCheckDecision.prototype.confirmed = false;

            /**
             * VisualCheckDecision staffId.
             * @member {string} staffId
             * @memberof fareader.v1.VisualCheckDecision
             * @instance
             */
            VisualCheckDecision.prototype.staffId = "";

            /**
             * Creates a new VisualCheckDecision instance using the specified properties.
             * @function create
             * @memberof fareader.v1.VisualCheckDecision
             * @static
             * @param {fareader.v1.VisualCheckDecision.$Properties=} [properties] Properties to set
             * @returns {fareader.v1.VisualCheckDecision} VisualCheckDecision instance
             * @type {{
             *   (properties: fareader.v1.VisualCheckDecision.$Shape): fareader.v1.VisualCheckDecision & fareader.v1.VisualCheckDecision.$Shape;
             *   (properties?: fareader.v1.VisualCheckDecision.$Properties): fareader.v1.VisualCheckDecision;
             * }}
             */
            VisualCheckDecision.create = function(properties) {
                return new VisualCheckDecision(properties);
            };

            /**
             * Encodes the specified VisualCheckDecision message. Does not implicitly {@link fareader.v1.VisualCheckDecision.verify|verify} messages.
             * @function encode
             * @memberof fareader.v1.VisualCheckDecision
             * @static
             * @param {fareader.v1.VisualCheckDecision.$Properties} m VisualCheckDecision message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            VisualCheckDecision.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.sessionId != null && $Object.hasOwnProperty.call(m, "sessionId") && m.sessionId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.sessionId);
                if (m.confirmed != null && $Object.hasOwnProperty.call(m, "confirmed") && m.confirmed !== false)
                    w.uint32(/* id 2, wireType 0 =*/16).bool(m.confirmed);
                if (m.staffId != null && $Object.hasOwnProperty.call(m, "staffId") && m.staffId !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.staffId);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified VisualCheckDecision message, length delimited. Does not implicitly {@link fareader.v1.VisualCheckDecision.verify|verify} messages.
             * @function encodeDelimited
             * @memberof fareader.v1.VisualCheckDecision
             * @static
             * @param {fareader.v1.VisualCheckDecision.$Properties} message VisualCheckDecision message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            VisualCheckDecision.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a VisualCheckDecision message from the specified reader or buffer.
             * @function decode
             * @memberof fareader.v1.VisualCheckDecision
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {fareader.v1.VisualCheckDecision & fareader.v1.VisualCheckDecision.$Shape} VisualCheckDecision
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            VisualCheckDecision.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.fareader.v1.VisualCheckDecision();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.sessionId = v;
                            else
                                delete m.sessionId;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.confirmed = v;
                            else
                                delete m.confirmed;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.staffId = v;
                            else
                                delete m.staffId;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a VisualCheckDecision message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof fareader.v1.VisualCheckDecision
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {fareader.v1.VisualCheckDecision & fareader.v1.VisualCheckDecision.$Shape} VisualCheckDecision
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            VisualCheckDecision.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a VisualCheckDecision message.
             * @function verify
             * @memberof fareader.v1.VisualCheckDecision
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            VisualCheckDecision.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.sessionId != null && $Object.hasOwnProperty.call(m, "sessionId")) {
                    if (!$util.isString(m.sessionId))
                        return "sessionId: string expected";
                }
                if (m.confirmed != null && $Object.hasOwnProperty.call(m, "confirmed")) {
                    if (typeof m.confirmed !== "boolean")
                        return "confirmed: boolean expected";
                }
                if (m.staffId != null && $Object.hasOwnProperty.call(m, "staffId")) {
                    if (!$util.isString(m.staffId))
                        return "staffId: string expected";
                }
                return null;
            };

            /**
             * Creates a VisualCheckDecision message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof fareader.v1.VisualCheckDecision
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {fareader.v1.VisualCheckDecision} VisualCheckDecision
             */
            VisualCheckDecision.fromObject = function (d, q) {
                if (d instanceof $root.fareader.v1.VisualCheckDecision)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".fareader.v1.VisualCheckDecision: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.fareader.v1.VisualCheckDecision();
                if (d.sessionId != null) {
                    if (typeof d.sessionId !== "string" || d.sessionId.length) {
                        m.sessionId = $String(d.sessionId);
                    }
                }
                if (d.confirmed != null) {
                    if (d.confirmed) {
                        m.confirmed = $Boolean(d.confirmed);
                    }
                }
                if (d.staffId != null) {
                    if (typeof d.staffId !== "string" || d.staffId.length) {
                        m.staffId = $String(d.staffId);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a VisualCheckDecision message. Also converts values to other types if specified.
             * @function toObject
             * @memberof fareader.v1.VisualCheckDecision
             * @static
             * @param {fareader.v1.VisualCheckDecision} m VisualCheckDecision
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            VisualCheckDecision.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.sessionId = "";
                    d.confirmed = false;
                    d.staffId = "";
                }
                if (m.sessionId != null && $Object.hasOwnProperty.call(m, "sessionId")) {
                    d.sessionId = m.sessionId;
                }
                if (m.confirmed != null && $Object.hasOwnProperty.call(m, "confirmed")) {
                    d.confirmed = m.confirmed;
                }
                if (m.staffId != null && $Object.hasOwnProperty.call(m, "staffId")) {
                    d.staffId = m.staffId;
                }
                return d;
            };

            /**
             * Converts this VisualCheckDecision to JSON.
             * @function toJSON
             * @memberof fareader.v1.VisualCheckDecision
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            VisualCheckDecision.prototype.toJSON = function() {
                return VisualCheckDecision.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for VisualCheckDecision
             * @function getTypeUrl
             * @memberof fareader.v1.VisualCheckDecision
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            VisualCheckDecision.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fareader.v1.VisualCheckDecision";
            };

            return VisualCheckDecision;
        })();

        v1.Rebirth = (function() {

            /**
             * Properties of a Rebirth.
             * @typedef {Object} fareader.v1.Rebirth.$Properties
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Rebirth.
             * @memberof fareader.v1
             * @interface IRebirth
             * @augments fareader.v1.Rebirth.$Properties
             * @deprecated Use fareader.v1.Rebirth.$Properties instead.
             */

            /**
             * Shape of a Rebirth.
             * @typedef {fareader.v1.Rebirth.$Properties} fareader.v1.Rebirth.$Shape
             */

            /**
             * Constructs a new Rebirth.
             * @memberof fareader.v1
             * @classdesc Represents a Rebirth.
             * @constructor
             * @param {fareader.v1.Rebirth.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Rebirth = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Creates a new Rebirth instance using the specified properties.
             * @function create
             * @memberof fareader.v1.Rebirth
             * @static
             * @param {fareader.v1.Rebirth.$Properties=} [properties] Properties to set
             * @returns {fareader.v1.Rebirth} Rebirth instance
             * @type {{
             *   (properties: fareader.v1.Rebirth.$Shape): fareader.v1.Rebirth & fareader.v1.Rebirth.$Shape;
             *   (properties?: fareader.v1.Rebirth.$Properties): fareader.v1.Rebirth;
             * }}
             */
            Rebirth.create = function(properties) {
                return new Rebirth(properties);
            };

            /**
             * Encodes the specified Rebirth message. Does not implicitly {@link fareader.v1.Rebirth.verify|verify} messages.
             * @function encode
             * @memberof fareader.v1.Rebirth
             * @static
             * @param {fareader.v1.Rebirth.$Properties} m Rebirth message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Rebirth.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified Rebirth message, length delimited. Does not implicitly {@link fareader.v1.Rebirth.verify|verify} messages.
             * @function encodeDelimited
             * @memberof fareader.v1.Rebirth
             * @static
             * @param {fareader.v1.Rebirth.$Properties} message Rebirth message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Rebirth.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Rebirth message from the specified reader or buffer.
             * @function decode
             * @memberof fareader.v1.Rebirth
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {fareader.v1.Rebirth & fareader.v1.Rebirth.$Shape} Rebirth
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Rebirth.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.fareader.v1.Rebirth();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    r.skipType(t & 7, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a Rebirth message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof fareader.v1.Rebirth
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {fareader.v1.Rebirth & fareader.v1.Rebirth.$Shape} Rebirth
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Rebirth.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Rebirth message.
             * @function verify
             * @memberof fareader.v1.Rebirth
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Rebirth.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                return null;
            };

            /**
             * Creates a Rebirth message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof fareader.v1.Rebirth
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {fareader.v1.Rebirth} Rebirth
             */
            Rebirth.fromObject = function (d, q) {
                if (d instanceof $root.fareader.v1.Rebirth)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".fareader.v1.Rebirth: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                return new $root.fareader.v1.Rebirth();
            };

            /**
             * Creates a plain object from a Rebirth message. Also converts values to other types if specified.
             * @function toObject
             * @memberof fareader.v1.Rebirth
             * @static
             * @param {fareader.v1.Rebirth} m Rebirth
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Rebirth.toObject = function () {
                return {};
            };

            /**
             * Converts this Rebirth to JSON.
             * @function toJSON
             * @memberof fareader.v1.Rebirth
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Rebirth.prototype.toJSON = function() {
                return Rebirth.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Rebirth
             * @function getTypeUrl
             * @memberof fareader.v1.Rebirth
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Rebirth.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fareader.v1.Rebirth";
            };

            return Rebirth;
        })();

        v1.Command = (function() {

            /**
             * Properties of a Command.
             * @typedef {Object} fareader.v1.Command.$Properties
             * @property {Uint8Array|null} [commandId] Command commandId
             * @property {string|null} [deviceId] Command deviceId
             * @property {number|Long|null} [issuedAtMs] Command issuedAtMs
             * @property {string|null} [terminalId] Command terminalId
             * @property {number|Long|null} [sequence] Command sequence
             * @property {fareader.v1.StartSession.$Properties|null} [startSession] Command startSession
             * @property {fareader.v1.CancelSession.$Properties|null} [cancelSession] Command cancelSession
             * @property {fareader.v1.SetMode.$Properties|null} [setMode] Command setMode
             * @property {fareader.v1.VisualCheckDecision.$Properties|null} [visualCheckDecision] Command visualCheckDecision
             * @property {fareader.v1.Rebirth.$Properties|null} [rebirth] Command rebirth
             * @property {"startSession"|"cancelSession"|"setMode"|"visualCheckDecision"|"rebirth"} [body] Command body
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Command.
             * @memberof fareader.v1
             * @interface ICommand
             * @augments fareader.v1.Command.$Properties
             * @deprecated Use fareader.v1.Command.$Properties instead.
             */

            /**
             * Narrowed shape of a Command.
             * @typedef {{
             *   commandId?: Uint8Array|null;
             *   deviceId?: string|null;
             *   issuedAtMs?: number|Long|null;
             *   terminalId?: string|null;
             *   sequence?: number|Long|null;
             *   startSession?: fareader.v1.StartSession.$Shape|null;
             *   cancelSession?: fareader.v1.CancelSession.$Shape|null;
             *   setMode?: fareader.v1.SetMode.$Shape|null;
             *   visualCheckDecision?: fareader.v1.VisualCheckDecision.$Shape|null;
             *   rebirth?: fareader.v1.Rebirth.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ body?: undefined; startSession?: null; cancelSession?: null; setMode?: null; visualCheckDecision?: null; rebirth?: null }|{ body?: "startSession"; startSession: fareader.v1.StartSession.$Shape; cancelSession?: null; setMode?: null; visualCheckDecision?: null; rebirth?: null }|{ body?: "cancelSession"; startSession?: null; cancelSession: fareader.v1.CancelSession.$Shape; setMode?: null; visualCheckDecision?: null; rebirth?: null }|{ body?: "setMode"; startSession?: null; cancelSession?: null; setMode: fareader.v1.SetMode.$Shape; visualCheckDecision?: null; rebirth?: null }|{ body?: "visualCheckDecision"; startSession?: null; cancelSession?: null; setMode?: null; visualCheckDecision: fareader.v1.VisualCheckDecision.$Shape; rebirth?: null }|{ body?: "rebirth"; startSession?: null; cancelSession?: null; setMode?: null; visualCheckDecision?: null; rebirth: fareader.v1.Rebirth.$Shape })
             * )} fareader.v1.Command.$Shape
             */

            /**
             * Constructs a new Command.
             * @memberof fareader.v1
             * @classdesc Represents a Command.
             * @constructor
             * @param {fareader.v1.Command.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Command = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Command commandId.
             * @member {Uint8Array} commandId
             * @memberof fareader.v1.Command
             * @instance
             */
            Command.prototype.commandId = $util.newBuffer([]);

            /**
             * Command deviceId.
             * @member {string} deviceId
             * @memberof fareader.v1.Command
             * @instance
             */
            Command.prototype.deviceId = "";

            /**
             * Command issuedAtMs.
             * @member {number|Long} issuedAtMs
             * @memberof fareader.v1.Command
             * @instance
             */
            Command.prototype.issuedAtMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Command terminalId.
             * @member {string} terminalId
             * @memberof fareader.v1.Command
             * @instance
             */
            Command.prototype.terminalId = "";

            /**
             * Command sequence.
             * @member {number|Long} sequence
             * @memberof fareader.v1.Command
             * @instance
             */
            Command.prototype.sequence = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Command startSession.
             * @member {fareader.v1.StartSession.$Properties|null|undefined} startSession
             * @memberof fareader.v1.Command
             * @instance
             */
            Command.prototype.startSession = null;

            /**
             * Command cancelSession.
             * @member {fareader.v1.CancelSession.$Properties|null|undefined} cancelSession
             * @memberof fareader.v1.Command
             * @instance
             */
            Command.prototype.cancelSession = null;

            /**
             * Command setMode.
             * @member {fareader.v1.SetMode.$Properties|null|undefined} setMode
             * @memberof fareader.v1.Command
             * @instance
             */
            Command.prototype.setMode = null;

            /**
             * Command visualCheckDecision.
             * @member {fareader.v1.VisualCheckDecision.$Properties|null|undefined} visualCheckDecision
             * @memberof fareader.v1.Command
             * @instance
             */
            Command.prototype.visualCheckDecision = null;

            /**
             * Command rebirth.
             * @member {fareader.v1.Rebirth.$Properties|null|undefined} rebirth
             * @memberof fareader.v1.Command
             * @instance
             */
            Command.prototype.rebirth = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * Command body.
             * @member {"startSession"|"cancelSession"|"setMode"|"visualCheckDecision"|"rebirth"|undefined} body
             * @memberof fareader.v1.Command
             * @instance
             */
            $Object.defineProperty(Command.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["startSession", "cancelSession", "setMode", "visualCheckDecision", "rebirth"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Command instance using the specified properties.
             * @function create
             * @memberof fareader.v1.Command
             * @static
             * @param {fareader.v1.Command.$Properties=} [properties] Properties to set
             * @returns {fareader.v1.Command} Command instance
             * @type {{
             *   (properties: fareader.v1.Command.$Shape): fareader.v1.Command & fareader.v1.Command.$Shape;
             *   (properties?: fareader.v1.Command.$Properties): fareader.v1.Command;
             * }}
             */
            Command.create = function(properties) {
                return new Command(properties);
            };

            /**
             * Encodes the specified Command message. Does not implicitly {@link fareader.v1.Command.verify|verify} messages.
             * @function encode
             * @memberof fareader.v1.Command
             * @static
             * @param {fareader.v1.Command.$Properties} m Command message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Command.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.commandId != null && $Object.hasOwnProperty.call(m, "commandId") && m.commandId.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.commandId);
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId") && m.deviceId !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.deviceId);
                if (m.issuedAtMs != null && $Object.hasOwnProperty.call(m, "issuedAtMs") && (typeof m.issuedAtMs === "object" ? m.issuedAtMs.low || m.issuedAtMs.high : m.issuedAtMs !== 0))
                    w.uint32(/* id 3, wireType 0 =*/24).uint64(m.issuedAtMs);
                if (m.terminalId != null && $Object.hasOwnProperty.call(m, "terminalId") && m.terminalId !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.terminalId);
                if (m.sequence != null && $Object.hasOwnProperty.call(m, "sequence") && (typeof m.sequence === "object" ? m.sequence.low || m.sequence.high : m.sequence !== 0))
                    w.uint32(/* id 5, wireType 0 =*/40).uint64(m.sequence);
                if (m.startSession != null && $Object.hasOwnProperty.call(m, "startSession"))
                    $root.fareader.v1.StartSession.encode(m.startSession, w.uint32(/* id 10, wireType 2 =*/82).fork(), q + 1).ldelim();
                if (m.cancelSession != null && $Object.hasOwnProperty.call(m, "cancelSession"))
                    $root.fareader.v1.CancelSession.encode(m.cancelSession, w.uint32(/* id 11, wireType 2 =*/90).fork(), q + 1).ldelim();
                if (m.setMode != null && $Object.hasOwnProperty.call(m, "setMode"))
                    $root.fareader.v1.SetMode.encode(m.setMode, w.uint32(/* id 12, wireType 2 =*/98).fork(), q + 1).ldelim();
                if (m.visualCheckDecision != null && $Object.hasOwnProperty.call(m, "visualCheckDecision"))
                    $root.fareader.v1.VisualCheckDecision.encode(m.visualCheckDecision, w.uint32(/* id 13, wireType 2 =*/106).fork(), q + 1).ldelim();
                if (m.rebirth != null && $Object.hasOwnProperty.call(m, "rebirth"))
                    $root.fareader.v1.Rebirth.encode(m.rebirth, w.uint32(/* id 14, wireType 2 =*/114).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified Command message, length delimited. Does not implicitly {@link fareader.v1.Command.verify|verify} messages.
             * @function encodeDelimited
             * @memberof fareader.v1.Command
             * @static
             * @param {fareader.v1.Command.$Properties} message Command message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Command.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Command message from the specified reader or buffer.
             * @function decode
             * @memberof fareader.v1.Command
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {fareader.v1.Command & fareader.v1.Command.$Shape} Command
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Command.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.fareader.v1.Command();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.commandId = v;
                            else
                                delete m.commandId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.deviceId = v;
                            else
                                delete m.deviceId;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.issuedAtMs = v;
                            else
                                delete m.issuedAtMs;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.terminalId = v;
                            else
                                delete m.terminalId;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.sequence = v;
                            else
                                delete m.sequence;
                            continue;
                        }
                    case 10: {
                            if (u !== 2)
                                break;
                            m.startSession = $root.fareader.v1.StartSession.decode(r, r.size(), $undefined, q + 1, m.startSession);
                            m.body = "startSession";
                            continue;
                        }
                    case 11: {
                            if (u !== 2)
                                break;
                            m.cancelSession = $root.fareader.v1.CancelSession.decode(r, r.size(), $undefined, q + 1, m.cancelSession);
                            m.body = "cancelSession";
                            continue;
                        }
                    case 12: {
                            if (u !== 2)
                                break;
                            m.setMode = $root.fareader.v1.SetMode.decode(r, r.size(), $undefined, q + 1, m.setMode);
                            m.body = "setMode";
                            continue;
                        }
                    case 13: {
                            if (u !== 2)
                                break;
                            m.visualCheckDecision = $root.fareader.v1.VisualCheckDecision.decode(r, r.size(), $undefined, q + 1, m.visualCheckDecision);
                            m.body = "visualCheckDecision";
                            continue;
                        }
                    case 14: {
                            if (u !== 2)
                                break;
                            m.rebirth = $root.fareader.v1.Rebirth.decode(r, r.size(), $undefined, q + 1, m.rebirth);
                            m.body = "rebirth";
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a Command message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof fareader.v1.Command
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {fareader.v1.Command & fareader.v1.Command.$Shape} Command
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Command.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Command message.
             * @function verify
             * @memberof fareader.v1.Command
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Command.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                var p = {};
                if (m.commandId != null && $Object.hasOwnProperty.call(m, "commandId")) {
                    if (!(m.commandId && typeof m.commandId.length === "number" || $util.isString(m.commandId)))
                        return "commandId: buffer expected";
                }
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId")) {
                    if (!$util.isString(m.deviceId))
                        return "deviceId: string expected";
                }
                if (m.issuedAtMs != null && $Object.hasOwnProperty.call(m, "issuedAtMs")) {
                    if (!$util.isInteger(m.issuedAtMs) && !(m.issuedAtMs && $util.isInteger(m.issuedAtMs.low) && $util.isInteger(m.issuedAtMs.high)))
                        return "issuedAtMs: integer|Long expected";
                }
                if (m.terminalId != null && $Object.hasOwnProperty.call(m, "terminalId")) {
                    if (!$util.isString(m.terminalId))
                        return "terminalId: string expected";
                }
                if (m.sequence != null && $Object.hasOwnProperty.call(m, "sequence")) {
                    if (!$util.isInteger(m.sequence) && !(m.sequence && $util.isInteger(m.sequence.low) && $util.isInteger(m.sequence.high)))
                        return "sequence: integer|Long expected";
                }
                if (m.startSession != null && $Object.hasOwnProperty.call(m, "startSession")) {
                    p.body = 1;
                    {
                        var e = $root.fareader.v1.StartSession.verify(m.startSession, q + 1);
                        if (e)
                            return "startSession." + e;
                    }
                }
                if (m.cancelSession != null && $Object.hasOwnProperty.call(m, "cancelSession")) {
                    if (p.body === 1)
                        return "body: multiple values";
                    p.body = 1;
                    {
                        var e = $root.fareader.v1.CancelSession.verify(m.cancelSession, q + 1);
                        if (e)
                            return "cancelSession." + e;
                    }
                }
                if (m.setMode != null && $Object.hasOwnProperty.call(m, "setMode")) {
                    if (p.body === 1)
                        return "body: multiple values";
                    p.body = 1;
                    {
                        var e = $root.fareader.v1.SetMode.verify(m.setMode, q + 1);
                        if (e)
                            return "setMode." + e;
                    }
                }
                if (m.visualCheckDecision != null && $Object.hasOwnProperty.call(m, "visualCheckDecision")) {
                    if (p.body === 1)
                        return "body: multiple values";
                    p.body = 1;
                    {
                        var e = $root.fareader.v1.VisualCheckDecision.verify(m.visualCheckDecision, q + 1);
                        if (e)
                            return "visualCheckDecision." + e;
                    }
                }
                if (m.rebirth != null && $Object.hasOwnProperty.call(m, "rebirth")) {
                    if (p.body === 1)
                        return "body: multiple values";
                    p.body = 1;
                    {
                        var e = $root.fareader.v1.Rebirth.verify(m.rebirth, q + 1);
                        if (e)
                            return "rebirth." + e;
                    }
                }
                return null;
            };

            /**
             * Creates a Command message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof fareader.v1.Command
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {fareader.v1.Command} Command
             */
            Command.fromObject = function (d, q) {
                if (d instanceof $root.fareader.v1.Command)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".fareader.v1.Command: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.fareader.v1.Command();
                if (d.commandId != null) {
                    if (d.commandId.length) {
                        if (typeof d.commandId === "string")
                            $util.base64.decode(d.commandId, m.commandId = $util.newBuffer($util.base64.length(d.commandId)), 0);
                        else if (d.commandId.length >= 0)
                            m.commandId = d.commandId;
                    }
                }
                if (d.deviceId != null) {
                    if (typeof d.deviceId !== "string" || d.deviceId.length) {
                        m.deviceId = $String(d.deviceId);
                    }
                }
                if (d.issuedAtMs != null) {
                    if (typeof d.issuedAtMs === "object" ? d.issuedAtMs.low || d.issuedAtMs.high : $Number(d.issuedAtMs) !== 0) {
                        if ($util.Long)
                            m.issuedAtMs = $util.Long.fromValue(d.issuedAtMs, true);
                        else if (typeof d.issuedAtMs === "string")
                            m.issuedAtMs = $parseInt(d.issuedAtMs, 10);
                        else if (typeof d.issuedAtMs === "number")
                            m.issuedAtMs = d.issuedAtMs;
                        else if (typeof d.issuedAtMs === "object")
                            m.issuedAtMs = new $util.LongBits(d.issuedAtMs.low >>> 0, d.issuedAtMs.high >>> 0).toNumber(true);
                    }
                }
                if (d.terminalId != null) {
                    if (typeof d.terminalId !== "string" || d.terminalId.length) {
                        m.terminalId = $String(d.terminalId);
                    }
                }
                if (d.sequence != null) {
                    if (typeof d.sequence === "object" ? d.sequence.low || d.sequence.high : $Number(d.sequence) !== 0) {
                        if ($util.Long)
                            m.sequence = $util.Long.fromValue(d.sequence, true);
                        else if (typeof d.sequence === "string")
                            m.sequence = $parseInt(d.sequence, 10);
                        else if (typeof d.sequence === "number")
                            m.sequence = d.sequence;
                        else if (typeof d.sequence === "object")
                            m.sequence = new $util.LongBits(d.sequence.low >>> 0, d.sequence.high >>> 0).toNumber(true);
                    }
                }
                if (d.startSession != null) {
                    if (!$util.isObject(d.startSession))
                        throw $TypeError(".fareader.v1.Command.startSession: object expected");
                    m.startSession = $root.fareader.v1.StartSession.fromObject(d.startSession, q + 1);
                }
                if (d.cancelSession != null) {
                    if (!$util.isObject(d.cancelSession))
                        throw $TypeError(".fareader.v1.Command.cancelSession: object expected");
                    m.cancelSession = $root.fareader.v1.CancelSession.fromObject(d.cancelSession, q + 1);
                }
                if (d.setMode != null) {
                    if (!$util.isObject(d.setMode))
                        throw $TypeError(".fareader.v1.Command.setMode: object expected");
                    m.setMode = $root.fareader.v1.SetMode.fromObject(d.setMode, q + 1);
                }
                if (d.visualCheckDecision != null) {
                    if (!$util.isObject(d.visualCheckDecision))
                        throw $TypeError(".fareader.v1.Command.visualCheckDecision: object expected");
                    m.visualCheckDecision = $root.fareader.v1.VisualCheckDecision.fromObject(d.visualCheckDecision, q + 1);
                }
                if (d.rebirth != null) {
                    if (!$util.isObject(d.rebirth))
                        throw $TypeError(".fareader.v1.Command.rebirth: object expected");
                    m.rebirth = $root.fareader.v1.Rebirth.fromObject(d.rebirth, q + 1);
                }
                return m;
            };

            /**
             * Creates a plain object from a Command message. Also converts values to other types if specified.
             * @function toObject
             * @memberof fareader.v1.Command
             * @static
             * @param {fareader.v1.Command} m Command
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Command.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if (o.bytes === $String)
                        d.commandId = "";
                    else {
                        d.commandId = [];
                        if (o.bytes !== $Array)
                            d.commandId = $util.newBuffer(d.commandId);
                    }
                    d.deviceId = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.issuedAtMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.issuedAtMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.terminalId = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.sequence = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.sequence = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.commandId != null && $Object.hasOwnProperty.call(m, "commandId")) {
                    d.commandId = o.bytes === $String ? $util.base64.encode(m.commandId, 0, m.commandId.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.commandId) : m.commandId;
                }
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId")) {
                    d.deviceId = m.deviceId;
                }
                if (m.issuedAtMs != null && $Object.hasOwnProperty.call(m, "issuedAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.issuedAtMs = typeof m.issuedAtMs === "number" ? $BigInt(m.issuedAtMs) : $util.Long.fromBits(m.issuedAtMs.low >>> 0, m.issuedAtMs.high >>> 0, true).toBigInt();
                    else if (typeof m.issuedAtMs === "number")
                        d.issuedAtMs = o.longs === $String ? $String(m.issuedAtMs) : m.issuedAtMs;
                    else
                        d.issuedAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.issuedAtMs) : o.longs === $Number ? new $util.LongBits(m.issuedAtMs.low >>> 0, m.issuedAtMs.high >>> 0).toNumber(true) : m.issuedAtMs;
                }
                if (m.terminalId != null && $Object.hasOwnProperty.call(m, "terminalId")) {
                    d.terminalId = m.terminalId;
                }
                if (m.sequence != null && $Object.hasOwnProperty.call(m, "sequence")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.sequence = typeof m.sequence === "number" ? $BigInt(m.sequence) : $util.Long.fromBits(m.sequence.low >>> 0, m.sequence.high >>> 0, true).toBigInt();
                    else if (typeof m.sequence === "number")
                        d.sequence = o.longs === $String ? $String(m.sequence) : m.sequence;
                    else
                        d.sequence = o.longs === $String ? $util.Long.prototype.toString.call(m.sequence) : o.longs === $Number ? new $util.LongBits(m.sequence.low >>> 0, m.sequence.high >>> 0).toNumber(true) : m.sequence;
                }
                if (m.startSession != null && $Object.hasOwnProperty.call(m, "startSession")) {
                    d.startSession = $root.fareader.v1.StartSession.toObject(m.startSession, o, q + 1);
                    if (o.oneofs)
                        d.body = "startSession";
                }
                if (m.cancelSession != null && $Object.hasOwnProperty.call(m, "cancelSession")) {
                    d.cancelSession = $root.fareader.v1.CancelSession.toObject(m.cancelSession, o, q + 1);
                    if (o.oneofs)
                        d.body = "cancelSession";
                }
                if (m.setMode != null && $Object.hasOwnProperty.call(m, "setMode")) {
                    d.setMode = $root.fareader.v1.SetMode.toObject(m.setMode, o, q + 1);
                    if (o.oneofs)
                        d.body = "setMode";
                }
                if (m.visualCheckDecision != null && $Object.hasOwnProperty.call(m, "visualCheckDecision")) {
                    d.visualCheckDecision = $root.fareader.v1.VisualCheckDecision.toObject(m.visualCheckDecision, o, q + 1);
                    if (o.oneofs)
                        d.body = "visualCheckDecision";
                }
                if (m.rebirth != null && $Object.hasOwnProperty.call(m, "rebirth")) {
                    d.rebirth = $root.fareader.v1.Rebirth.toObject(m.rebirth, o, q + 1);
                    if (o.oneofs)
                        d.body = "rebirth";
                }
                return d;
            };

            /**
             * Converts this Command to JSON.
             * @function toJSON
             * @memberof fareader.v1.Command
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Command.prototype.toJSON = function() {
                return Command.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Command
             * @function getTypeUrl
             * @memberof fareader.v1.Command
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Command.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fareader.v1.Command";
            };

            return Command;
        })();

        /**
         * ResponseStatus enum.
         * @name fareader.v1.ResponseStatus
         * @enum {number}
         * @property {number} RESPONSE_STATUS_UNSPECIFIED=0 RESPONSE_STATUS_UNSPECIFIED value
         * @property {number} RESPONSE_STATUS_OK=1 RESPONSE_STATUS_OK value
         * @property {number} RESPONSE_STATUS_UNSIGNED=2 RESPONSE_STATUS_UNSIGNED value
         * @property {number} RESPONSE_STATUS_UNKNOWN_KEY=3 RESPONSE_STATUS_UNKNOWN_KEY value
         * @property {number} RESPONSE_STATUS_BAD_SIGNATURE=4 RESPONSE_STATUS_BAD_SIGNATURE value
         * @property {number} RESPONSE_STATUS_MALFORMED=5 RESPONSE_STATUS_MALFORMED value
         * @property {number} RESPONSE_STATUS_STALE=6 RESPONSE_STATUS_STALE value
         * @property {number} RESPONSE_STATUS_REPLAYED=7 RESPONSE_STATUS_REPLAYED value
         * @property {number} RESPONSE_STATUS_WRONG_DEVICE=8 RESPONSE_STATUS_WRONG_DEVICE value
         * @property {number} RESPONSE_STATUS_BUSY=9 RESPONSE_STATUS_BUSY value
         * @property {number} RESPONSE_STATUS_UNSUPPORTED=10 RESPONSE_STATUS_UNSUPPORTED value
         * @property {number} RESPONSE_STATUS_NO_SESSION=11 RESPONSE_STATUS_NO_SESSION value
         * @property {number} RESPONSE_STATUS_WRONG_PAYLOAD_TYPE=12 RESPONSE_STATUS_WRONG_PAYLOAD_TYPE value
         * @property {number} RESPONSE_STATUS_INTERNAL_ERROR=13 RESPONSE_STATUS_INTERNAL_ERROR value
         * @property {number} RESPONSE_STATUS_SUPERSEDED=14 RESPONSE_STATUS_SUPERSEDED value
         */
        v1.ResponseStatus = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "RESPONSE_STATUS_UNSPECIFIED"] = 0;
            values[valuesById[1] = "RESPONSE_STATUS_OK"] = 1;
            values[valuesById[2] = "RESPONSE_STATUS_UNSIGNED"] = 2;
            values[valuesById[3] = "RESPONSE_STATUS_UNKNOWN_KEY"] = 3;
            values[valuesById[4] = "RESPONSE_STATUS_BAD_SIGNATURE"] = 4;
            values[valuesById[5] = "RESPONSE_STATUS_MALFORMED"] = 5;
            values[valuesById[6] = "RESPONSE_STATUS_STALE"] = 6;
            values[valuesById[7] = "RESPONSE_STATUS_REPLAYED"] = 7;
            values[valuesById[8] = "RESPONSE_STATUS_WRONG_DEVICE"] = 8;
            values[valuesById[9] = "RESPONSE_STATUS_BUSY"] = 9;
            values[valuesById[10] = "RESPONSE_STATUS_UNSUPPORTED"] = 10;
            values[valuesById[11] = "RESPONSE_STATUS_NO_SESSION"] = 11;
            values[valuesById[12] = "RESPONSE_STATUS_WRONG_PAYLOAD_TYPE"] = 12;
            values[valuesById[13] = "RESPONSE_STATUS_INTERNAL_ERROR"] = 13;
            values[valuesById[14] = "RESPONSE_STATUS_SUPERSEDED"] = 14;
            return values;
        })();

        v1.CommandResponse = (function() {

            /**
             * Properties of a CommandResponse.
             * @typedef {Object} fareader.v1.CommandResponse.$Properties
             * @property {Uint8Array|null} [commandId] CommandResponse commandId
             * @property {string|null} [deviceId] CommandResponse deviceId
             * @property {fareader.v1.ResponseStatus|null} [status] CommandResponse status
             * @property {string|null} [detail] CommandResponse detail
             * @property {string|null} [sessionId] CommandResponse sessionId
             * @property {number|Long|null} [timeMs] CommandResponse timeMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CommandResponse.
             * @memberof fareader.v1
             * @interface ICommandResponse
             * @augments fareader.v1.CommandResponse.$Properties
             * @deprecated Use fareader.v1.CommandResponse.$Properties instead.
             */

            /**
             * Shape of a CommandResponse.
             * @typedef {fareader.v1.CommandResponse.$Properties} fareader.v1.CommandResponse.$Shape
             */

            /**
             * Constructs a new CommandResponse.
             * @memberof fareader.v1
             * @classdesc Represents a CommandResponse.
             * @constructor
             * @param {fareader.v1.CommandResponse.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CommandResponse = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * CommandResponse commandId.
             * @member {Uint8Array} commandId
             * @memberof fareader.v1.CommandResponse
             * @instance
             */
            CommandResponse.prototype.commandId = $util.newBuffer([]);

            /**
             * CommandResponse deviceId.
             * @member {string} deviceId
             * @memberof fareader.v1.CommandResponse
             * @instance
             */
            CommandResponse.prototype.deviceId = "";

            /**
             * CommandResponse status.
             * @member {fareader.v1.ResponseStatus} status
             * @memberof fareader.v1.CommandResponse
             * @instance
             */
            CommandResponse.prototype.status = 0;

            /**
             * CommandResponse detail.
             * @member {string} detail
             * @memberof fareader.v1.CommandResponse
             * @instance
             */
            CommandResponse.prototype.detail = "";

            /**
             * CommandResponse sessionId.
             * @member {string} sessionId
             * @memberof fareader.v1.CommandResponse
             * @instance
             */
            CommandResponse.prototype.sessionId = "";

            /**
             * CommandResponse timeMs.
             * @member {number|Long} timeMs
             * @memberof fareader.v1.CommandResponse
             * @instance
             */
            CommandResponse.prototype.timeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new CommandResponse instance using the specified properties.
             * @function create
             * @memberof fareader.v1.CommandResponse
             * @static
             * @param {fareader.v1.CommandResponse.$Properties=} [properties] Properties to set
             * @returns {fareader.v1.CommandResponse} CommandResponse instance
             * @type {{
             *   (properties: fareader.v1.CommandResponse.$Shape): fareader.v1.CommandResponse & fareader.v1.CommandResponse.$Shape;
             *   (properties?: fareader.v1.CommandResponse.$Properties): fareader.v1.CommandResponse;
             * }}
             */
            CommandResponse.create = function(properties) {
                return new CommandResponse(properties);
            };

            /**
             * Encodes the specified CommandResponse message. Does not implicitly {@link fareader.v1.CommandResponse.verify|verify} messages.
             * @function encode
             * @memberof fareader.v1.CommandResponse
             * @static
             * @param {fareader.v1.CommandResponse.$Properties} m CommandResponse message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CommandResponse.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.commandId != null && $Object.hasOwnProperty.call(m, "commandId") && m.commandId.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.commandId);
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId") && m.deviceId !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.deviceId);
                if (m.status != null && $Object.hasOwnProperty.call(m, "status") && m.status !== 0)
                    w.uint32(/* id 3, wireType 0 =*/24).int32(m.status);
                if (m.detail != null && $Object.hasOwnProperty.call(m, "detail") && m.detail !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.detail);
                if (m.sessionId != null && $Object.hasOwnProperty.call(m, "sessionId") && m.sessionId !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.sessionId);
                if (m.timeMs != null && $Object.hasOwnProperty.call(m, "timeMs") && (typeof m.timeMs === "object" ? m.timeMs.low || m.timeMs.high : m.timeMs !== 0))
                    w.uint32(/* id 6, wireType 0 =*/48).uint64(m.timeMs);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified CommandResponse message, length delimited. Does not implicitly {@link fareader.v1.CommandResponse.verify|verify} messages.
             * @function encodeDelimited
             * @memberof fareader.v1.CommandResponse
             * @static
             * @param {fareader.v1.CommandResponse.$Properties} message CommandResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CommandResponse.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a CommandResponse message from the specified reader or buffer.
             * @function decode
             * @memberof fareader.v1.CommandResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {fareader.v1.CommandResponse & fareader.v1.CommandResponse.$Shape} CommandResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CommandResponse.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.fareader.v1.CommandResponse();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.commandId = v;
                            else
                                delete m.commandId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.deviceId = v;
                            else
                                delete m.deviceId;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.status = v;
                            else
                                delete m.status;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.detail = v;
                            else
                                delete m.detail;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.sessionId = v;
                            else
                                delete m.sessionId;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.timeMs = v;
                            else
                                delete m.timeMs;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a CommandResponse message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof fareader.v1.CommandResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {fareader.v1.CommandResponse & fareader.v1.CommandResponse.$Shape} CommandResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CommandResponse.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a CommandResponse message.
             * @function verify
             * @memberof fareader.v1.CommandResponse
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            CommandResponse.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.commandId != null && $Object.hasOwnProperty.call(m, "commandId")) {
                    if (!(m.commandId && typeof m.commandId.length === "number" || $util.isString(m.commandId)))
                        return "commandId: buffer expected";
                }
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId")) {
                    if (!$util.isString(m.deviceId))
                        return "deviceId: string expected";
                }
                if (m.status != null && $Object.hasOwnProperty.call(m, "status")) {
                    if (typeof m.status !== "number" || (m.status | 0) !== m.status)
                        return "status: enum value expected";
                }
                if (m.detail != null && $Object.hasOwnProperty.call(m, "detail")) {
                    if (!$util.isString(m.detail))
                        return "detail: string expected";
                }
                if (m.sessionId != null && $Object.hasOwnProperty.call(m, "sessionId")) {
                    if (!$util.isString(m.sessionId))
                        return "sessionId: string expected";
                }
                if (m.timeMs != null && $Object.hasOwnProperty.call(m, "timeMs")) {
                    if (!$util.isInteger(m.timeMs) && !(m.timeMs && $util.isInteger(m.timeMs.low) && $util.isInteger(m.timeMs.high)))
                        return "timeMs: integer|Long expected";
                }
                return null;
            };

            /**
             * Creates a CommandResponse message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof fareader.v1.CommandResponse
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {fareader.v1.CommandResponse} CommandResponse
             */
            CommandResponse.fromObject = function (d, q) {
                if (d instanceof $root.fareader.v1.CommandResponse)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".fareader.v1.CommandResponse: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.fareader.v1.CommandResponse();
                if (d.commandId != null) {
                    if (d.commandId.length) {
                        if (typeof d.commandId === "string")
                            $util.base64.decode(d.commandId, m.commandId = $util.newBuffer($util.base64.length(d.commandId)), 0);
                        else if (d.commandId.length >= 0)
                            m.commandId = d.commandId;
                    }
                }
                if (d.deviceId != null) {
                    if (typeof d.deviceId !== "string" || d.deviceId.length) {
                        m.deviceId = $String(d.deviceId);
                    }
                }
                if (d.status !== 0 && (typeof d.status !== "string" || $root.fareader.v1.ResponseStatus[d.status] !== 0)) {
                    switch (d.status) {
                    case "RESPONSE_STATUS_UNSPECIFIED":
                    case 0:
                        m.status = 0;
                        break;
                    case "RESPONSE_STATUS_OK":
                    case 1:
                        m.status = 1;
                        break;
                    case "RESPONSE_STATUS_UNSIGNED":
                    case 2:
                        m.status = 2;
                        break;
                    case "RESPONSE_STATUS_UNKNOWN_KEY":
                    case 3:
                        m.status = 3;
                        break;
                    case "RESPONSE_STATUS_BAD_SIGNATURE":
                    case 4:
                        m.status = 4;
                        break;
                    case "RESPONSE_STATUS_MALFORMED":
                    case 5:
                        m.status = 5;
                        break;
                    case "RESPONSE_STATUS_STALE":
                    case 6:
                        m.status = 6;
                        break;
                    case "RESPONSE_STATUS_REPLAYED":
                    case 7:
                        m.status = 7;
                        break;
                    case "RESPONSE_STATUS_WRONG_DEVICE":
                    case 8:
                        m.status = 8;
                        break;
                    case "RESPONSE_STATUS_BUSY":
                    case 9:
                        m.status = 9;
                        break;
                    case "RESPONSE_STATUS_UNSUPPORTED":
                    case 10:
                        m.status = 10;
                        break;
                    case "RESPONSE_STATUS_NO_SESSION":
                    case 11:
                        m.status = 11;
                        break;
                    case "RESPONSE_STATUS_WRONG_PAYLOAD_TYPE":
                    case 12:
                        m.status = 12;
                        break;
                    case "RESPONSE_STATUS_INTERNAL_ERROR":
                    case 13:
                        m.status = 13;
                        break;
                    case "RESPONSE_STATUS_SUPERSEDED":
                    case 14:
                        m.status = 14;
                        break;
                    default:
                        if (typeof d.status === "number" && (d.status | 0) === d.status)
                            m.status = d.status;
                    }
                }
                if (d.detail != null) {
                    if (typeof d.detail !== "string" || d.detail.length) {
                        m.detail = $String(d.detail);
                    }
                }
                if (d.sessionId != null) {
                    if (typeof d.sessionId !== "string" || d.sessionId.length) {
                        m.sessionId = $String(d.sessionId);
                    }
                }
                if (d.timeMs != null) {
                    if (typeof d.timeMs === "object" ? d.timeMs.low || d.timeMs.high : $Number(d.timeMs) !== 0) {
                        if ($util.Long)
                            m.timeMs = $util.Long.fromValue(d.timeMs, true);
                        else if (typeof d.timeMs === "string")
                            m.timeMs = $parseInt(d.timeMs, 10);
                        else if (typeof d.timeMs === "number")
                            m.timeMs = d.timeMs;
                        else if (typeof d.timeMs === "object")
                            m.timeMs = new $util.LongBits(d.timeMs.low >>> 0, d.timeMs.high >>> 0).toNumber(true);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a CommandResponse message. Also converts values to other types if specified.
             * @function toObject
             * @memberof fareader.v1.CommandResponse
             * @static
             * @param {fareader.v1.CommandResponse} m CommandResponse
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            CommandResponse.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if (o.bytes === $String)
                        d.commandId = "";
                    else {
                        d.commandId = [];
                        if (o.bytes !== $Array)
                            d.commandId = $util.newBuffer(d.commandId);
                    }
                    d.deviceId = "";
                    d.status = o.enums === $String ? "RESPONSE_STATUS_UNSPECIFIED" : 0;
                    d.detail = "";
                    d.sessionId = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.timeMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.timeMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.commandId != null && $Object.hasOwnProperty.call(m, "commandId")) {
                    d.commandId = o.bytes === $String ? $util.base64.encode(m.commandId, 0, m.commandId.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.commandId) : m.commandId;
                }
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId")) {
                    d.deviceId = m.deviceId;
                }
                if (m.status != null && $Object.hasOwnProperty.call(m, "status")) {
                    d.status = o.enums === $String ? $root.fareader.v1.ResponseStatus[m.status] === $undefined ? m.status : $root.fareader.v1.ResponseStatus[m.status] : m.status;
                }
                if (m.detail != null && $Object.hasOwnProperty.call(m, "detail")) {
                    d.detail = m.detail;
                }
                if (m.sessionId != null && $Object.hasOwnProperty.call(m, "sessionId")) {
                    d.sessionId = m.sessionId;
                }
                if (m.timeMs != null && $Object.hasOwnProperty.call(m, "timeMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.timeMs = typeof m.timeMs === "number" ? $BigInt(m.timeMs) : $util.Long.fromBits(m.timeMs.low >>> 0, m.timeMs.high >>> 0, true).toBigInt();
                    else if (typeof m.timeMs === "number")
                        d.timeMs = o.longs === $String ? $String(m.timeMs) : m.timeMs;
                    else
                        d.timeMs = o.longs === $String ? $util.Long.prototype.toString.call(m.timeMs) : o.longs === $Number ? new $util.LongBits(m.timeMs.low >>> 0, m.timeMs.high >>> 0).toNumber(true) : m.timeMs;
                }
                return d;
            };

            /**
             * Converts this CommandResponse to JSON.
             * @function toJSON
             * @memberof fareader.v1.CommandResponse
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            CommandResponse.prototype.toJSON = function() {
                return CommandResponse.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for CommandResponse
             * @function getTypeUrl
             * @memberof fareader.v1.CommandResponse
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            CommandResponse.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fareader.v1.CommandResponse";
            };

            return CommandResponse;
        })();

        v1.ResultAck = (function() {

            /**
             * Properties of a ResultAck.
             * @typedef {Object} fareader.v1.ResultAck.$Properties
             * @property {string|null} [deviceId] ResultAck deviceId
             * @property {number|Long|null} [counter] ResultAck counter
             * @property {string|null} [sessionId] ResultAck sessionId
             * @property {boolean|null} [duplicate] ResultAck duplicate
             * @property {number|Long|null} [timeMs] ResultAck timeMs
             * @property {string|null} [terminalId] ResultAck terminalId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ResultAck.
             * @memberof fareader.v1
             * @interface IResultAck
             * @augments fareader.v1.ResultAck.$Properties
             * @deprecated Use fareader.v1.ResultAck.$Properties instead.
             */

            /**
             * Shape of a ResultAck.
             * @typedef {fareader.v1.ResultAck.$Properties} fareader.v1.ResultAck.$Shape
             */

            /**
             * Constructs a new ResultAck.
             * @memberof fareader.v1
             * @classdesc Represents a ResultAck.
             * @constructor
             * @param {fareader.v1.ResultAck.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ResultAck = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * ResultAck deviceId.
             * @member {string} deviceId
             * @memberof fareader.v1.ResultAck
             * @instance
             */
            ResultAck.prototype.deviceId = "";

            /**
             * ResultAck counter.
             * @member {number|Long} counter
             * @memberof fareader.v1.ResultAck
             * @instance
             */
            ResultAck.prototype.counter = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ResultAck sessionId.
             * @member {string} sessionId
             * @memberof fareader.v1.ResultAck
             * @instance
             */
            ResultAck.prototype.sessionId = "";

            /**
             * ResultAck duplicate.
             * @member {boolean} duplicate
             * @memberof fareader.v1.ResultAck
             * @instance
             */
            ResultAck.prototype.duplicate = false;

            /**
             * ResultAck timeMs.
             * @member {number|Long} timeMs
             * @memberof fareader.v1.ResultAck
             * @instance
             */
            ResultAck.prototype.timeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ResultAck terminalId.
             * @member {string} terminalId
             * @memberof fareader.v1.ResultAck
             * @instance
             */
            ResultAck.prototype.terminalId = "";

            /**
             * Creates a new ResultAck instance using the specified properties.
             * @function create
             * @memberof fareader.v1.ResultAck
             * @static
             * @param {fareader.v1.ResultAck.$Properties=} [properties] Properties to set
             * @returns {fareader.v1.ResultAck} ResultAck instance
             * @type {{
             *   (properties: fareader.v1.ResultAck.$Shape): fareader.v1.ResultAck & fareader.v1.ResultAck.$Shape;
             *   (properties?: fareader.v1.ResultAck.$Properties): fareader.v1.ResultAck;
             * }}
             */
            ResultAck.create = function(properties) {
                return new ResultAck(properties);
            };

            /**
             * Encodes the specified ResultAck message. Does not implicitly {@link fareader.v1.ResultAck.verify|verify} messages.
             * @function encode
             * @memberof fareader.v1.ResultAck
             * @static
             * @param {fareader.v1.ResultAck.$Properties} m ResultAck message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ResultAck.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId") && m.deviceId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.deviceId);
                if (m.counter != null && $Object.hasOwnProperty.call(m, "counter") && (typeof m.counter === "object" ? m.counter.low || m.counter.high : m.counter !== 0))
                    w.uint32(/* id 2, wireType 0 =*/16).uint64(m.counter);
                if (m.sessionId != null && $Object.hasOwnProperty.call(m, "sessionId") && m.sessionId !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.sessionId);
                if (m.duplicate != null && $Object.hasOwnProperty.call(m, "duplicate") && m.duplicate !== false)
                    w.uint32(/* id 4, wireType 0 =*/32).bool(m.duplicate);
                if (m.timeMs != null && $Object.hasOwnProperty.call(m, "timeMs") && (typeof m.timeMs === "object" ? m.timeMs.low || m.timeMs.high : m.timeMs !== 0))
                    w.uint32(/* id 5, wireType 0 =*/40).uint64(m.timeMs);
                if (m.terminalId != null && $Object.hasOwnProperty.call(m, "terminalId") && m.terminalId !== "")
                    w.uint32(/* id 6, wireType 2 =*/50).string(m.terminalId);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified ResultAck message, length delimited. Does not implicitly {@link fareader.v1.ResultAck.verify|verify} messages.
             * @function encodeDelimited
             * @memberof fareader.v1.ResultAck
             * @static
             * @param {fareader.v1.ResultAck.$Properties} message ResultAck message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ResultAck.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a ResultAck message from the specified reader or buffer.
             * @function decode
             * @memberof fareader.v1.ResultAck
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {fareader.v1.ResultAck & fareader.v1.ResultAck.$Shape} ResultAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ResultAck.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.fareader.v1.ResultAck();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.deviceId = v;
                            else
                                delete m.deviceId;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.counter = v;
                            else
                                delete m.counter;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.sessionId = v;
                            else
                                delete m.sessionId;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.duplicate = v;
                            else
                                delete m.duplicate;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.timeMs = v;
                            else
                                delete m.timeMs;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.terminalId = v;
                            else
                                delete m.terminalId;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a ResultAck message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof fareader.v1.ResultAck
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {fareader.v1.ResultAck & fareader.v1.ResultAck.$Shape} ResultAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ResultAck.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a ResultAck message.
             * @function verify
             * @memberof fareader.v1.ResultAck
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ResultAck.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId")) {
                    if (!$util.isString(m.deviceId))
                        return "deviceId: string expected";
                }
                if (m.counter != null && $Object.hasOwnProperty.call(m, "counter")) {
                    if (!$util.isInteger(m.counter) && !(m.counter && $util.isInteger(m.counter.low) && $util.isInteger(m.counter.high)))
                        return "counter: integer|Long expected";
                }
                if (m.sessionId != null && $Object.hasOwnProperty.call(m, "sessionId")) {
                    if (!$util.isString(m.sessionId))
                        return "sessionId: string expected";
                }
                if (m.duplicate != null && $Object.hasOwnProperty.call(m, "duplicate")) {
                    if (typeof m.duplicate !== "boolean")
                        return "duplicate: boolean expected";
                }
                if (m.timeMs != null && $Object.hasOwnProperty.call(m, "timeMs")) {
                    if (!$util.isInteger(m.timeMs) && !(m.timeMs && $util.isInteger(m.timeMs.low) && $util.isInteger(m.timeMs.high)))
                        return "timeMs: integer|Long expected";
                }
                if (m.terminalId != null && $Object.hasOwnProperty.call(m, "terminalId")) {
                    if (!$util.isString(m.terminalId))
                        return "terminalId: string expected";
                }
                return null;
            };

            /**
             * Creates a ResultAck message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof fareader.v1.ResultAck
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {fareader.v1.ResultAck} ResultAck
             */
            ResultAck.fromObject = function (d, q) {
                if (d instanceof $root.fareader.v1.ResultAck)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".fareader.v1.ResultAck: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.fareader.v1.ResultAck();
                if (d.deviceId != null) {
                    if (typeof d.deviceId !== "string" || d.deviceId.length) {
                        m.deviceId = $String(d.deviceId);
                    }
                }
                if (d.counter != null) {
                    if (typeof d.counter === "object" ? d.counter.low || d.counter.high : $Number(d.counter) !== 0) {
                        if ($util.Long)
                            m.counter = $util.Long.fromValue(d.counter, true);
                        else if (typeof d.counter === "string")
                            m.counter = $parseInt(d.counter, 10);
                        else if (typeof d.counter === "number")
                            m.counter = d.counter;
                        else if (typeof d.counter === "object")
                            m.counter = new $util.LongBits(d.counter.low >>> 0, d.counter.high >>> 0).toNumber(true);
                    }
                }
                if (d.sessionId != null) {
                    if (typeof d.sessionId !== "string" || d.sessionId.length) {
                        m.sessionId = $String(d.sessionId);
                    }
                }
                if (d.duplicate != null) {
                    if (d.duplicate) {
                        m.duplicate = $Boolean(d.duplicate);
                    }
                }
                if (d.timeMs != null) {
                    if (typeof d.timeMs === "object" ? d.timeMs.low || d.timeMs.high : $Number(d.timeMs) !== 0) {
                        if ($util.Long)
                            m.timeMs = $util.Long.fromValue(d.timeMs, true);
                        else if (typeof d.timeMs === "string")
                            m.timeMs = $parseInt(d.timeMs, 10);
                        else if (typeof d.timeMs === "number")
                            m.timeMs = d.timeMs;
                        else if (typeof d.timeMs === "object")
                            m.timeMs = new $util.LongBits(d.timeMs.low >>> 0, d.timeMs.high >>> 0).toNumber(true);
                    }
                }
                if (d.terminalId != null) {
                    if (typeof d.terminalId !== "string" || d.terminalId.length) {
                        m.terminalId = $String(d.terminalId);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a ResultAck message. Also converts values to other types if specified.
             * @function toObject
             * @memberof fareader.v1.ResultAck
             * @static
             * @param {fareader.v1.ResultAck} m ResultAck
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ResultAck.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.deviceId = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.counter = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.counter = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.sessionId = "";
                    d.duplicate = false;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.timeMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.timeMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.terminalId = "";
                }
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId")) {
                    d.deviceId = m.deviceId;
                }
                if (m.counter != null && $Object.hasOwnProperty.call(m, "counter")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.counter = typeof m.counter === "number" ? $BigInt(m.counter) : $util.Long.fromBits(m.counter.low >>> 0, m.counter.high >>> 0, true).toBigInt();
                    else if (typeof m.counter === "number")
                        d.counter = o.longs === $String ? $String(m.counter) : m.counter;
                    else
                        d.counter = o.longs === $String ? $util.Long.prototype.toString.call(m.counter) : o.longs === $Number ? new $util.LongBits(m.counter.low >>> 0, m.counter.high >>> 0).toNumber(true) : m.counter;
                }
                if (m.sessionId != null && $Object.hasOwnProperty.call(m, "sessionId")) {
                    d.sessionId = m.sessionId;
                }
                if (m.duplicate != null && $Object.hasOwnProperty.call(m, "duplicate")) {
                    d.duplicate = m.duplicate;
                }
                if (m.timeMs != null && $Object.hasOwnProperty.call(m, "timeMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.timeMs = typeof m.timeMs === "number" ? $BigInt(m.timeMs) : $util.Long.fromBits(m.timeMs.low >>> 0, m.timeMs.high >>> 0, true).toBigInt();
                    else if (typeof m.timeMs === "number")
                        d.timeMs = o.longs === $String ? $String(m.timeMs) : m.timeMs;
                    else
                        d.timeMs = o.longs === $String ? $util.Long.prototype.toString.call(m.timeMs) : o.longs === $Number ? new $util.LongBits(m.timeMs.low >>> 0, m.timeMs.high >>> 0).toNumber(true) : m.timeMs;
                }
                if (m.terminalId != null && $Object.hasOwnProperty.call(m, "terminalId")) {
                    d.terminalId = m.terminalId;
                }
                return d;
            };

            /**
             * Converts this ResultAck to JSON.
             * @function toJSON
             * @memberof fareader.v1.ResultAck
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ResultAck.prototype.toJSON = function() {
                return ResultAck.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ResultAck
             * @function getTypeUrl
             * @memberof fareader.v1.ResultAck
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ResultAck.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fareader.v1.ResultAck";
            };

            return ResultAck;
        })();

        v1.DeviceState = (function() {

            /**
             * Properties of a DeviceState.
             * @typedef {Object} fareader.v1.DeviceState.$Properties
             * @property {string|null} [deviceId] DeviceState deviceId
             * @property {boolean|null} [online] DeviceState online
             * @property {number|Long|null} [bdSeq] DeviceState bdSeq
             * @property {string|null} [firmwareVersion] DeviceState firmwareVersion
             * @property {string|null} [schema] DeviceState schema
             * @property {Array.<string>|null} [capabilities] DeviceState capabilities
             * @property {Uint8Array|null} [publicKey] DeviceState publicKey
             * @property {number|Long|null} [timeMs] DeviceState timeMs
             * @property {string|null} [reason] DeviceState reason
             * @property {number|Long|null} [lastCounter] DeviceState lastCounter
             * @property {number|null} [outboxPending] DeviceState outboxPending
             * @property {Uint8Array|null} [nextPublicKey] DeviceState nextPublicKey
             * @property {string|null} [model] DeviceState model
             * @property {string|null} [serial] DeviceState serial
             * @property {boolean|null} [emulated] DeviceState emulated
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DeviceState.
             * @memberof fareader.v1
             * @interface IDeviceState
             * @augments fareader.v1.DeviceState.$Properties
             * @deprecated Use fareader.v1.DeviceState.$Properties instead.
             */

            /**
             * Shape of a DeviceState.
             * @typedef {fareader.v1.DeviceState.$Properties} fareader.v1.DeviceState.$Shape
             */

            /**
             * Constructs a new DeviceState.
             * @memberof fareader.v1
             * @classdesc Represents a DeviceState.
             * @constructor
             * @param {fareader.v1.DeviceState.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DeviceState = function (p) {
                this.capabilities = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * DeviceState deviceId.
             * @member {string} deviceId
             * @memberof fareader.v1.DeviceState
             * @instance
             */
            DeviceState.prototype.deviceId = "";

            /**
             * DeviceState online.
             * @member {boolean} online
             * @memberof fareader.v1.DeviceState
             * @instance
             */
            DeviceState.prototype.online = false;

            /**
             * DeviceState bdSeq.
             * @member {number|Long} bdSeq
             * @memberof fareader.v1.DeviceState
             * @instance
             */
            DeviceState.prototype.bdSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * DeviceState firmwareVersion.
             * @member {string} firmwareVersion
             * @memberof fareader.v1.DeviceState
             * @instance
             */
            DeviceState.prototype.firmwareVersion = "";

            /**
             * DeviceState schema.
             * @member {string} schema
             * @memberof fareader.v1.DeviceState
             * @instance
             */
            DeviceState.prototype.schema = "";

            /**
             * DeviceState capabilities.
             * @member {Array.<string>} capabilities
             * @memberof fareader.v1.DeviceState
             * @instance
             */
            DeviceState.prototype.capabilities = $util.emptyArray;

            /**
             * DeviceState publicKey.
             * @member {Uint8Array} publicKey
             * @memberof fareader.v1.DeviceState
             * @instance
             */
            DeviceState.prototype.publicKey = $util.newBuffer([]);

            /**
             * DeviceState timeMs.
             * @member {number|Long} timeMs
             * @memberof fareader.v1.DeviceState
             * @instance
             */
            DeviceState.prototype.timeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * DeviceState reason.
             * @member {string} reason
             * @memberof fareader.v1.DeviceState
             * @instance
             */
            DeviceState.prototype.reason = "";

            /**
             * DeviceState lastCounter.
             * @member {number|Long} lastCounter
             * @memberof fareader.v1.DeviceState
             * @instance
             */
            DeviceState.prototype.lastCounter = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * DeviceState outboxPending.
             * @member {number} outboxPending
             * @memberof fareader.v1.DeviceState
             * @instance
             */
            DeviceState.prototype.outboxPending = 0;

            /**
             * DeviceState nextPublicKey.
             * @member {Uint8Array} nextPublicKey
             * @memberof fareader.v1.DeviceState
             * @instance
             */
            DeviceState.prototype.nextPublicKey = $util.newBuffer([]);

            /**
             * DeviceState model.
             * @member {string} model
             * @memberof fareader.v1.DeviceState
             * @instance
             */
            DeviceState.prototype.model = "";

            /**
             * DeviceState serial.
             * @member {string} serial
             * @memberof fareader.v1.DeviceState
             * @instance
             */
            DeviceState.prototype.serial = "";

            /**
             * DeviceState emulated.
             * @member {boolean} emulated
             * @memberof fareader.v1.DeviceState
             * @instance
             */
            DeviceState.prototype.emulated = false;

            /**
             * Creates a new DeviceState instance using the specified properties.
             * @function create
             * @memberof fareader.v1.DeviceState
             * @static
             * @param {fareader.v1.DeviceState.$Properties=} [properties] Properties to set
             * @returns {fareader.v1.DeviceState} DeviceState instance
             * @type {{
             *   (properties: fareader.v1.DeviceState.$Shape): fareader.v1.DeviceState & fareader.v1.DeviceState.$Shape;
             *   (properties?: fareader.v1.DeviceState.$Properties): fareader.v1.DeviceState;
             * }}
             */
            DeviceState.create = function(properties) {
                return new DeviceState(properties);
            };

            /**
             * Encodes the specified DeviceState message. Does not implicitly {@link fareader.v1.DeviceState.verify|verify} messages.
             * @function encode
             * @memberof fareader.v1.DeviceState
             * @static
             * @param {fareader.v1.DeviceState.$Properties} m DeviceState message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DeviceState.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId") && m.deviceId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.deviceId);
                if (m.online != null && $Object.hasOwnProperty.call(m, "online") && m.online !== false)
                    w.uint32(/* id 2, wireType 0 =*/16).bool(m.online);
                if (m.bdSeq != null && $Object.hasOwnProperty.call(m, "bdSeq") && (typeof m.bdSeq === "object" ? m.bdSeq.low || m.bdSeq.high : m.bdSeq !== 0))
                    w.uint32(/* id 3, wireType 0 =*/24).uint64(m.bdSeq);
                if (m.firmwareVersion != null && $Object.hasOwnProperty.call(m, "firmwareVersion") && m.firmwareVersion !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.firmwareVersion);
                if (m.schema != null && $Object.hasOwnProperty.call(m, "schema") && m.schema !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.schema);
                if (m.capabilities != null && m.capabilities.length) {
                    for (var i = 0; i < m.capabilities.length; ++i)
                        w.uint32(/* id 6, wireType 2 =*/50).string(m.capabilities[i]);
                }
                if (m.publicKey != null && $Object.hasOwnProperty.call(m, "publicKey") && m.publicKey.length)
                    w.uint32(/* id 7, wireType 2 =*/58).bytes(m.publicKey);
                if (m.timeMs != null && $Object.hasOwnProperty.call(m, "timeMs") && (typeof m.timeMs === "object" ? m.timeMs.low || m.timeMs.high : m.timeMs !== 0))
                    w.uint32(/* id 8, wireType 0 =*/64).uint64(m.timeMs);
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason") && m.reason !== "")
                    w.uint32(/* id 9, wireType 2 =*/74).string(m.reason);
                if (m.lastCounter != null && $Object.hasOwnProperty.call(m, "lastCounter") && (typeof m.lastCounter === "object" ? m.lastCounter.low || m.lastCounter.high : m.lastCounter !== 0))
                    w.uint32(/* id 10, wireType 0 =*/80).uint64(m.lastCounter);
                if (m.outboxPending != null && $Object.hasOwnProperty.call(m, "outboxPending") && m.outboxPending !== 0)
                    w.uint32(/* id 11, wireType 0 =*/88).uint32(m.outboxPending);
                if (m.nextPublicKey != null && $Object.hasOwnProperty.call(m, "nextPublicKey") && m.nextPublicKey.length)
                    w.uint32(/* id 12, wireType 2 =*/98).bytes(m.nextPublicKey);
                if (m.model != null && $Object.hasOwnProperty.call(m, "model") && m.model !== "")
                    w.uint32(/* id 13, wireType 2 =*/106).string(m.model);
                if (m.serial != null && $Object.hasOwnProperty.call(m, "serial") && m.serial !== "")
                    w.uint32(/* id 14, wireType 2 =*/114).string(m.serial);
                if (m.emulated != null && $Object.hasOwnProperty.call(m, "emulated") && m.emulated !== false)
                    w.uint32(/* id 15, wireType 0 =*/120).bool(m.emulated);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified DeviceState message, length delimited. Does not implicitly {@link fareader.v1.DeviceState.verify|verify} messages.
             * @function encodeDelimited
             * @memberof fareader.v1.DeviceState
             * @static
             * @param {fareader.v1.DeviceState.$Properties} message DeviceState message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DeviceState.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a DeviceState message from the specified reader or buffer.
             * @function decode
             * @memberof fareader.v1.DeviceState
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {fareader.v1.DeviceState & fareader.v1.DeviceState.$Shape} DeviceState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DeviceState.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.fareader.v1.DeviceState();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.deviceId = v;
                            else
                                delete m.deviceId;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.online = v;
                            else
                                delete m.online;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.bdSeq = v;
                            else
                                delete m.bdSeq;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.firmwareVersion = v;
                            else
                                delete m.firmwareVersion;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.schema = v;
                            else
                                delete m.schema;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if (!(m.capabilities && m.capabilities.length))
                                m.capabilities = [];
                            m.capabilities.push(r.stringVerify());
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.publicKey = v;
                            else
                                delete m.publicKey;
                            continue;
                        }
                    case 8: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.timeMs = v;
                            else
                                delete m.timeMs;
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.reason = v;
                            else
                                delete m.reason;
                            continue;
                        }
                    case 10: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.lastCounter = v;
                            else
                                delete m.lastCounter;
                            continue;
                        }
                    case 11: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.outboxPending = v;
                            else
                                delete m.outboxPending;
                            continue;
                        }
                    case 12: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.nextPublicKey = v;
                            else
                                delete m.nextPublicKey;
                            continue;
                        }
                    case 13: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.model = v;
                            else
                                delete m.model;
                            continue;
                        }
                    case 14: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.serial = v;
                            else
                                delete m.serial;
                            continue;
                        }
                    case 15: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.emulated = v;
                            else
                                delete m.emulated;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a DeviceState message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof fareader.v1.DeviceState
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {fareader.v1.DeviceState & fareader.v1.DeviceState.$Shape} DeviceState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DeviceState.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a DeviceState message.
             * @function verify
             * @memberof fareader.v1.DeviceState
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            DeviceState.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId")) {
                    if (!$util.isString(m.deviceId))
                        return "deviceId: string expected";
                }
                if (m.online != null && $Object.hasOwnProperty.call(m, "online")) {
                    if (typeof m.online !== "boolean")
                        return "online: boolean expected";
                }
                if (m.bdSeq != null && $Object.hasOwnProperty.call(m, "bdSeq")) {
                    if (!$util.isInteger(m.bdSeq) && !(m.bdSeq && $util.isInteger(m.bdSeq.low) && $util.isInteger(m.bdSeq.high)))
                        return "bdSeq: integer|Long expected";
                }
                if (m.firmwareVersion != null && $Object.hasOwnProperty.call(m, "firmwareVersion")) {
                    if (!$util.isString(m.firmwareVersion))
                        return "firmwareVersion: string expected";
                }
                if (m.schema != null && $Object.hasOwnProperty.call(m, "schema")) {
                    if (!$util.isString(m.schema))
                        return "schema: string expected";
                }
                if (m.capabilities != null && $Object.hasOwnProperty.call(m, "capabilities")) {
                    if (!$Array.isArray(m.capabilities))
                        return "capabilities: array expected";
                    for (var i = 0; i < m.capabilities.length; ++i) {
                        if (!$util.isString(m.capabilities[i]))
                            return "capabilities: string[] expected";
                    }
                }
                if (m.publicKey != null && $Object.hasOwnProperty.call(m, "publicKey")) {
                    if (!(m.publicKey && typeof m.publicKey.length === "number" || $util.isString(m.publicKey)))
                        return "publicKey: buffer expected";
                }
                if (m.timeMs != null && $Object.hasOwnProperty.call(m, "timeMs")) {
                    if (!$util.isInteger(m.timeMs) && !(m.timeMs && $util.isInteger(m.timeMs.low) && $util.isInteger(m.timeMs.high)))
                        return "timeMs: integer|Long expected";
                }
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason")) {
                    if (!$util.isString(m.reason))
                        return "reason: string expected";
                }
                if (m.lastCounter != null && $Object.hasOwnProperty.call(m, "lastCounter")) {
                    if (!$util.isInteger(m.lastCounter) && !(m.lastCounter && $util.isInteger(m.lastCounter.low) && $util.isInteger(m.lastCounter.high)))
                        return "lastCounter: integer|Long expected";
                }
                if (m.outboxPending != null && $Object.hasOwnProperty.call(m, "outboxPending")) {
                    if (!$util.isInteger(m.outboxPending))
                        return "outboxPending: integer expected";
                }
                if (m.nextPublicKey != null && $Object.hasOwnProperty.call(m, "nextPublicKey")) {
                    if (!(m.nextPublicKey && typeof m.nextPublicKey.length === "number" || $util.isString(m.nextPublicKey)))
                        return "nextPublicKey: buffer expected";
                }
                if (m.model != null && $Object.hasOwnProperty.call(m, "model")) {
                    if (!$util.isString(m.model))
                        return "model: string expected";
                }
                if (m.serial != null && $Object.hasOwnProperty.call(m, "serial")) {
                    if (!$util.isString(m.serial))
                        return "serial: string expected";
                }
                if (m.emulated != null && $Object.hasOwnProperty.call(m, "emulated")) {
                    if (typeof m.emulated !== "boolean")
                        return "emulated: boolean expected";
                }
                return null;
            };

            /**
             * Creates a DeviceState message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof fareader.v1.DeviceState
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {fareader.v1.DeviceState} DeviceState
             */
            DeviceState.fromObject = function (d, q) {
                if (d instanceof $root.fareader.v1.DeviceState)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".fareader.v1.DeviceState: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.fareader.v1.DeviceState();
                if (d.deviceId != null) {
                    if (typeof d.deviceId !== "string" || d.deviceId.length) {
                        m.deviceId = $String(d.deviceId);
                    }
                }
                if (d.online != null) {
                    if (d.online) {
                        m.online = $Boolean(d.online);
                    }
                }
                if (d.bdSeq != null) {
                    if (typeof d.bdSeq === "object" ? d.bdSeq.low || d.bdSeq.high : $Number(d.bdSeq) !== 0) {
                        if ($util.Long)
                            m.bdSeq = $util.Long.fromValue(d.bdSeq, true);
                        else if (typeof d.bdSeq === "string")
                            m.bdSeq = $parseInt(d.bdSeq, 10);
                        else if (typeof d.bdSeq === "number")
                            m.bdSeq = d.bdSeq;
                        else if (typeof d.bdSeq === "object")
                            m.bdSeq = new $util.LongBits(d.bdSeq.low >>> 0, d.bdSeq.high >>> 0).toNumber(true);
                    }
                }
                if (d.firmwareVersion != null) {
                    if (typeof d.firmwareVersion !== "string" || d.firmwareVersion.length) {
                        m.firmwareVersion = $String(d.firmwareVersion);
                    }
                }
                if (d.schema != null) {
                    if (typeof d.schema !== "string" || d.schema.length) {
                        m.schema = $String(d.schema);
                    }
                }
                if (d.capabilities) {
                    if (!$Array.isArray(d.capabilities))
                        throw $TypeError(".fareader.v1.DeviceState.capabilities: array expected");
                    m.capabilities = $Array(d.capabilities.length);
                    for (var i = 0; i < d.capabilities.length; ++i) {
                        m.capabilities[i] = $String(d.capabilities[i]);
                    }
                }
                if (d.publicKey != null) {
                    if (d.publicKey.length) {
                        if (typeof d.publicKey === "string")
                            $util.base64.decode(d.publicKey, m.publicKey = $util.newBuffer($util.base64.length(d.publicKey)), 0);
                        else if (d.publicKey.length >= 0)
                            m.publicKey = d.publicKey;
                    }
                }
                if (d.timeMs != null) {
                    if (typeof d.timeMs === "object" ? d.timeMs.low || d.timeMs.high : $Number(d.timeMs) !== 0) {
                        if ($util.Long)
                            m.timeMs = $util.Long.fromValue(d.timeMs, true);
                        else if (typeof d.timeMs === "string")
                            m.timeMs = $parseInt(d.timeMs, 10);
                        else if (typeof d.timeMs === "number")
                            m.timeMs = d.timeMs;
                        else if (typeof d.timeMs === "object")
                            m.timeMs = new $util.LongBits(d.timeMs.low >>> 0, d.timeMs.high >>> 0).toNumber(true);
                    }
                }
                if (d.reason != null) {
                    if (typeof d.reason !== "string" || d.reason.length) {
                        m.reason = $String(d.reason);
                    }
                }
                if (d.lastCounter != null) {
                    if (typeof d.lastCounter === "object" ? d.lastCounter.low || d.lastCounter.high : $Number(d.lastCounter) !== 0) {
                        if ($util.Long)
                            m.lastCounter = $util.Long.fromValue(d.lastCounter, true);
                        else if (typeof d.lastCounter === "string")
                            m.lastCounter = $parseInt(d.lastCounter, 10);
                        else if (typeof d.lastCounter === "number")
                            m.lastCounter = d.lastCounter;
                        else if (typeof d.lastCounter === "object")
                            m.lastCounter = new $util.LongBits(d.lastCounter.low >>> 0, d.lastCounter.high >>> 0).toNumber(true);
                    }
                }
                if (d.outboxPending != null) {
                    if ($Number(d.outboxPending) !== 0) {
                        m.outboxPending = d.outboxPending >>> 0;
                    }
                }
                if (d.nextPublicKey != null) {
                    if (d.nextPublicKey.length) {
                        if (typeof d.nextPublicKey === "string")
                            $util.base64.decode(d.nextPublicKey, m.nextPublicKey = $util.newBuffer($util.base64.length(d.nextPublicKey)), 0);
                        else if (d.nextPublicKey.length >= 0)
                            m.nextPublicKey = d.nextPublicKey;
                    }
                }
                if (d.model != null) {
                    if (typeof d.model !== "string" || d.model.length) {
                        m.model = $String(d.model);
                    }
                }
                if (d.serial != null) {
                    if (typeof d.serial !== "string" || d.serial.length) {
                        m.serial = $String(d.serial);
                    }
                }
                if (d.emulated != null) {
                    if (d.emulated) {
                        m.emulated = $Boolean(d.emulated);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a DeviceState message. Also converts values to other types if specified.
             * @function toObject
             * @memberof fareader.v1.DeviceState
             * @static
             * @param {fareader.v1.DeviceState} m DeviceState
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            DeviceState.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.capabilities = [];
                }
                if (o.defaults) {
                    d.deviceId = "";
                    d.online = false;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.bdSeq = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.bdSeq = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.firmwareVersion = "";
                    d.schema = "";
                    if (o.bytes === $String)
                        d.publicKey = "";
                    else {
                        d.publicKey = [];
                        if (o.bytes !== $Array)
                            d.publicKey = $util.newBuffer(d.publicKey);
                    }
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.timeMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.timeMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.reason = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.lastCounter = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.lastCounter = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.outboxPending = 0;
                    if (o.bytes === $String)
                        d.nextPublicKey = "";
                    else {
                        d.nextPublicKey = [];
                        if (o.bytes !== $Array)
                            d.nextPublicKey = $util.newBuffer(d.nextPublicKey);
                    }
                    d.model = "";
                    d.serial = "";
                    d.emulated = false;
                }
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId")) {
                    d.deviceId = m.deviceId;
                }
                if (m.online != null && $Object.hasOwnProperty.call(m, "online")) {
                    d.online = m.online;
                }
                if (m.bdSeq != null && $Object.hasOwnProperty.call(m, "bdSeq")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.bdSeq = typeof m.bdSeq === "number" ? $BigInt(m.bdSeq) : $util.Long.fromBits(m.bdSeq.low >>> 0, m.bdSeq.high >>> 0, true).toBigInt();
                    else if (typeof m.bdSeq === "number")
                        d.bdSeq = o.longs === $String ? $String(m.bdSeq) : m.bdSeq;
                    else
                        d.bdSeq = o.longs === $String ? $util.Long.prototype.toString.call(m.bdSeq) : o.longs === $Number ? new $util.LongBits(m.bdSeq.low >>> 0, m.bdSeq.high >>> 0).toNumber(true) : m.bdSeq;
                }
                if (m.firmwareVersion != null && $Object.hasOwnProperty.call(m, "firmwareVersion")) {
                    d.firmwareVersion = m.firmwareVersion;
                }
                if (m.schema != null && $Object.hasOwnProperty.call(m, "schema")) {
                    d.schema = m.schema;
                }
                if (m.capabilities && m.capabilities.length) {
                    d.capabilities = $Array(m.capabilities.length);
                    for (var j = 0; j < m.capabilities.length; ++j) {
                        d.capabilities[j] = m.capabilities[j];
                    }
                }
                if (m.publicKey != null && $Object.hasOwnProperty.call(m, "publicKey")) {
                    d.publicKey = o.bytes === $String ? $util.base64.encode(m.publicKey, 0, m.publicKey.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.publicKey) : m.publicKey;
                }
                if (m.timeMs != null && $Object.hasOwnProperty.call(m, "timeMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.timeMs = typeof m.timeMs === "number" ? $BigInt(m.timeMs) : $util.Long.fromBits(m.timeMs.low >>> 0, m.timeMs.high >>> 0, true).toBigInt();
                    else if (typeof m.timeMs === "number")
                        d.timeMs = o.longs === $String ? $String(m.timeMs) : m.timeMs;
                    else
                        d.timeMs = o.longs === $String ? $util.Long.prototype.toString.call(m.timeMs) : o.longs === $Number ? new $util.LongBits(m.timeMs.low >>> 0, m.timeMs.high >>> 0).toNumber(true) : m.timeMs;
                }
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason")) {
                    d.reason = m.reason;
                }
                if (m.lastCounter != null && $Object.hasOwnProperty.call(m, "lastCounter")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.lastCounter = typeof m.lastCounter === "number" ? $BigInt(m.lastCounter) : $util.Long.fromBits(m.lastCounter.low >>> 0, m.lastCounter.high >>> 0, true).toBigInt();
                    else if (typeof m.lastCounter === "number")
                        d.lastCounter = o.longs === $String ? $String(m.lastCounter) : m.lastCounter;
                    else
                        d.lastCounter = o.longs === $String ? $util.Long.prototype.toString.call(m.lastCounter) : o.longs === $Number ? new $util.LongBits(m.lastCounter.low >>> 0, m.lastCounter.high >>> 0).toNumber(true) : m.lastCounter;
                }
                if (m.outboxPending != null && $Object.hasOwnProperty.call(m, "outboxPending")) {
                    d.outboxPending = m.outboxPending;
                }
                if (m.nextPublicKey != null && $Object.hasOwnProperty.call(m, "nextPublicKey")) {
                    d.nextPublicKey = o.bytes === $String ? $util.base64.encode(m.nextPublicKey, 0, m.nextPublicKey.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.nextPublicKey) : m.nextPublicKey;
                }
                if (m.model != null && $Object.hasOwnProperty.call(m, "model")) {
                    d.model = m.model;
                }
                if (m.serial != null && $Object.hasOwnProperty.call(m, "serial")) {
                    d.serial = m.serial;
                }
                if (m.emulated != null && $Object.hasOwnProperty.call(m, "emulated")) {
                    d.emulated = m.emulated;
                }
                return d;
            };

            /**
             * Converts this DeviceState to JSON.
             * @function toJSON
             * @memberof fareader.v1.DeviceState
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            DeviceState.prototype.toJSON = function() {
                return DeviceState.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for DeviceState
             * @function getTypeUrl
             * @memberof fareader.v1.DeviceState
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            DeviceState.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fareader.v1.DeviceState";
            };

            return DeviceState;
        })();

        v1.TerminalState = (function() {

            /**
             * Properties of a TerminalState.
             * @typedef {Object} fareader.v1.TerminalState.$Properties
             * @property {string|null} [terminalId] TerminalState terminalId
             * @property {boolean|null} [online] TerminalState online
             * @property {number|Long|null} [timeMs] TerminalState timeMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a TerminalState.
             * @memberof fareader.v1
             * @interface ITerminalState
             * @augments fareader.v1.TerminalState.$Properties
             * @deprecated Use fareader.v1.TerminalState.$Properties instead.
             */

            /**
             * Shape of a TerminalState.
             * @typedef {fareader.v1.TerminalState.$Properties} fareader.v1.TerminalState.$Shape
             */

            /**
             * Constructs a new TerminalState.
             * @memberof fareader.v1
             * @classdesc Represents a TerminalState.
             * @constructor
             * @param {fareader.v1.TerminalState.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const TerminalState = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * TerminalState terminalId.
             * @member {string} terminalId
             * @memberof fareader.v1.TerminalState
             * @instance
             */
            TerminalState.prototype.terminalId = "";

            /**
             * TerminalState online.
             * @member {boolean} online
             * @memberof fareader.v1.TerminalState
             * @instance
             */
            TerminalState.prototype.online = false;

            /**
             * TerminalState timeMs.
             * @member {number|Long} timeMs
             * @memberof fareader.v1.TerminalState
             * @instance
             */
            TerminalState.prototype.timeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new TerminalState instance using the specified properties.
             * @function create
             * @memberof fareader.v1.TerminalState
             * @static
             * @param {fareader.v1.TerminalState.$Properties=} [properties] Properties to set
             * @returns {fareader.v1.TerminalState} TerminalState instance
             * @type {{
             *   (properties: fareader.v1.TerminalState.$Shape): fareader.v1.TerminalState & fareader.v1.TerminalState.$Shape;
             *   (properties?: fareader.v1.TerminalState.$Properties): fareader.v1.TerminalState;
             * }}
             */
            TerminalState.create = function(properties) {
                return new TerminalState(properties);
            };

            /**
             * Encodes the specified TerminalState message. Does not implicitly {@link fareader.v1.TerminalState.verify|verify} messages.
             * @function encode
             * @memberof fareader.v1.TerminalState
             * @static
             * @param {fareader.v1.TerminalState.$Properties} m TerminalState message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TerminalState.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.terminalId != null && $Object.hasOwnProperty.call(m, "terminalId") && m.terminalId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.terminalId);
                if (m.online != null && $Object.hasOwnProperty.call(m, "online") && m.online !== false)
                    w.uint32(/* id 2, wireType 0 =*/16).bool(m.online);
                if (m.timeMs != null && $Object.hasOwnProperty.call(m, "timeMs") && (typeof m.timeMs === "object" ? m.timeMs.low || m.timeMs.high : m.timeMs !== 0))
                    w.uint32(/* id 3, wireType 0 =*/24).uint64(m.timeMs);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified TerminalState message, length delimited. Does not implicitly {@link fareader.v1.TerminalState.verify|verify} messages.
             * @function encodeDelimited
             * @memberof fareader.v1.TerminalState
             * @static
             * @param {fareader.v1.TerminalState.$Properties} message TerminalState message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TerminalState.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a TerminalState message from the specified reader or buffer.
             * @function decode
             * @memberof fareader.v1.TerminalState
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {fareader.v1.TerminalState & fareader.v1.TerminalState.$Shape} TerminalState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TerminalState.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.fareader.v1.TerminalState();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.terminalId = v;
                            else
                                delete m.terminalId;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.online = v;
                            else
                                delete m.online;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.timeMs = v;
                            else
                                delete m.timeMs;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a TerminalState message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof fareader.v1.TerminalState
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {fareader.v1.TerminalState & fareader.v1.TerminalState.$Shape} TerminalState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TerminalState.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a TerminalState message.
             * @function verify
             * @memberof fareader.v1.TerminalState
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            TerminalState.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.terminalId != null && $Object.hasOwnProperty.call(m, "terminalId")) {
                    if (!$util.isString(m.terminalId))
                        return "terminalId: string expected";
                }
                if (m.online != null && $Object.hasOwnProperty.call(m, "online")) {
                    if (typeof m.online !== "boolean")
                        return "online: boolean expected";
                }
                if (m.timeMs != null && $Object.hasOwnProperty.call(m, "timeMs")) {
                    if (!$util.isInteger(m.timeMs) && !(m.timeMs && $util.isInteger(m.timeMs.low) && $util.isInteger(m.timeMs.high)))
                        return "timeMs: integer|Long expected";
                }
                return null;
            };

            /**
             * Creates a TerminalState message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof fareader.v1.TerminalState
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {fareader.v1.TerminalState} TerminalState
             */
            TerminalState.fromObject = function (d, q) {
                if (d instanceof $root.fareader.v1.TerminalState)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".fareader.v1.TerminalState: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.fareader.v1.TerminalState();
                if (d.terminalId != null) {
                    if (typeof d.terminalId !== "string" || d.terminalId.length) {
                        m.terminalId = $String(d.terminalId);
                    }
                }
                if (d.online != null) {
                    if (d.online) {
                        m.online = $Boolean(d.online);
                    }
                }
                if (d.timeMs != null) {
                    if (typeof d.timeMs === "object" ? d.timeMs.low || d.timeMs.high : $Number(d.timeMs) !== 0) {
                        if ($util.Long)
                            m.timeMs = $util.Long.fromValue(d.timeMs, true);
                        else if (typeof d.timeMs === "string")
                            m.timeMs = $parseInt(d.timeMs, 10);
                        else if (typeof d.timeMs === "number")
                            m.timeMs = d.timeMs;
                        else if (typeof d.timeMs === "object")
                            m.timeMs = new $util.LongBits(d.timeMs.low >>> 0, d.timeMs.high >>> 0).toNumber(true);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a TerminalState message. Also converts values to other types if specified.
             * @function toObject
             * @memberof fareader.v1.TerminalState
             * @static
             * @param {fareader.v1.TerminalState} m TerminalState
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            TerminalState.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.terminalId = "";
                    d.online = false;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.timeMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.timeMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.terminalId != null && $Object.hasOwnProperty.call(m, "terminalId")) {
                    d.terminalId = m.terminalId;
                }
                if (m.online != null && $Object.hasOwnProperty.call(m, "online")) {
                    d.online = m.online;
                }
                if (m.timeMs != null && $Object.hasOwnProperty.call(m, "timeMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.timeMs = typeof m.timeMs === "number" ? $BigInt(m.timeMs) : $util.Long.fromBits(m.timeMs.low >>> 0, m.timeMs.high >>> 0, true).toBigInt();
                    else if (typeof m.timeMs === "number")
                        d.timeMs = o.longs === $String ? $String(m.timeMs) : m.timeMs;
                    else
                        d.timeMs = o.longs === $String ? $util.Long.prototype.toString.call(m.timeMs) : o.longs === $Number ? new $util.LongBits(m.timeMs.low >>> 0, m.timeMs.high >>> 0).toNumber(true) : m.timeMs;
                }
                return d;
            };

            /**
             * Converts this TerminalState to JSON.
             * @function toJSON
             * @memberof fareader.v1.TerminalState
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            TerminalState.prototype.toJSON = function() {
                return TerminalState.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for TerminalState
             * @function getTypeUrl
             * @memberof fareader.v1.TerminalState
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            TerminalState.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fareader.v1.TerminalState";
            };

            return TerminalState;
        })();

        /**
         * PayloadType enum.
         * @name fareader.v1.PayloadType
         * @enum {number}
         * @property {number} PAYLOAD_TYPE_UNSPECIFIED=0 PAYLOAD_TYPE_UNSPECIFIED value
         * @property {number} PAYLOAD_TYPE_DEVICE_STATE=1 PAYLOAD_TYPE_DEVICE_STATE value
         * @property {number} PAYLOAD_TYPE_SESSION_EVENT=2 PAYLOAD_TYPE_SESSION_EVENT value
         * @property {number} PAYLOAD_TYPE_VERIFICATION_RESULT=3 PAYLOAD_TYPE_VERIFICATION_RESULT value
         * @property {number} PAYLOAD_TYPE_COMMAND=4 PAYLOAD_TYPE_COMMAND value
         * @property {number} PAYLOAD_TYPE_COMMAND_RESPONSE=5 PAYLOAD_TYPE_COMMAND_RESPONSE value
         * @property {number} PAYLOAD_TYPE_RESULT_ACK=6 PAYLOAD_TYPE_RESULT_ACK value
         * @property {number} PAYLOAD_TYPE_TERMINAL_STATE=7 PAYLOAD_TYPE_TERMINAL_STATE value
         */
        v1.PayloadType = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "PAYLOAD_TYPE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "PAYLOAD_TYPE_DEVICE_STATE"] = 1;
            values[valuesById[2] = "PAYLOAD_TYPE_SESSION_EVENT"] = 2;
            values[valuesById[3] = "PAYLOAD_TYPE_VERIFICATION_RESULT"] = 3;
            values[valuesById[4] = "PAYLOAD_TYPE_COMMAND"] = 4;
            values[valuesById[5] = "PAYLOAD_TYPE_COMMAND_RESPONSE"] = 5;
            values[valuesById[6] = "PAYLOAD_TYPE_RESULT_ACK"] = 6;
            values[valuesById[7] = "PAYLOAD_TYPE_TERMINAL_STATE"] = 7;
            return values;
        })();

        v1.SignedEnvelope = (function() {

            /**
             * Properties of a SignedEnvelope.
             * @typedef {Object} fareader.v1.SignedEnvelope.$Properties
             * @property {fareader.v1.PayloadType|null} [payloadType] SignedEnvelope payloadType
             * @property {Uint8Array|null} [payload] SignedEnvelope payload
             * @property {Uint8Array|null} [keyId] SignedEnvelope keyId
             * @property {Uint8Array|null} [signature] SignedEnvelope signature
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SignedEnvelope.
             * @memberof fareader.v1
             * @interface ISignedEnvelope
             * @augments fareader.v1.SignedEnvelope.$Properties
             * @deprecated Use fareader.v1.SignedEnvelope.$Properties instead.
             */

            /**
             * Shape of a SignedEnvelope.
             * @typedef {fareader.v1.SignedEnvelope.$Properties} fareader.v1.SignedEnvelope.$Shape
             */

            /**
             * Constructs a new SignedEnvelope.
             * @memberof fareader.v1
             * @classdesc Represents a SignedEnvelope.
             * @constructor
             * @param {fareader.v1.SignedEnvelope.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SignedEnvelope = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * SignedEnvelope payloadType.
             * @member {fareader.v1.PayloadType} payloadType
             * @memberof fareader.v1.SignedEnvelope
             * @instance
             */
            SignedEnvelope.prototype.payloadType = 0;

            /**
             * SignedEnvelope payload.
             * @member {Uint8Array} payload
             * @memberof fareader.v1.SignedEnvelope
             * @instance
             */
            SignedEnvelope.prototype.payload = $util.newBuffer([]);

            /**
             * SignedEnvelope keyId.
             * @member {Uint8Array} keyId
             * @memberof fareader.v1.SignedEnvelope
             * @instance
             */
            SignedEnvelope.prototype.keyId = $util.newBuffer([]);

            /**
             * SignedEnvelope signature.
             * @member {Uint8Array} signature
             * @memberof fareader.v1.SignedEnvelope
             * @instance
             */
            SignedEnvelope.prototype.signature = $util.newBuffer([]);

            /**
             * Creates a new SignedEnvelope instance using the specified properties.
             * @function create
             * @memberof fareader.v1.SignedEnvelope
             * @static
             * @param {fareader.v1.SignedEnvelope.$Properties=} [properties] Properties to set
             * @returns {fareader.v1.SignedEnvelope} SignedEnvelope instance
             * @type {{
             *   (properties: fareader.v1.SignedEnvelope.$Shape): fareader.v1.SignedEnvelope & fareader.v1.SignedEnvelope.$Shape;
             *   (properties?: fareader.v1.SignedEnvelope.$Properties): fareader.v1.SignedEnvelope;
             * }}
             */
            SignedEnvelope.create = function(properties) {
                return new SignedEnvelope(properties);
            };

            /**
             * Encodes the specified SignedEnvelope message. Does not implicitly {@link fareader.v1.SignedEnvelope.verify|verify} messages.
             * @function encode
             * @memberof fareader.v1.SignedEnvelope
             * @static
             * @param {fareader.v1.SignedEnvelope.$Properties} m SignedEnvelope message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SignedEnvelope.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.payloadType != null && $Object.hasOwnProperty.call(m, "payloadType") && m.payloadType !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).int32(m.payloadType);
                if (m.payload != null && $Object.hasOwnProperty.call(m, "payload") && m.payload.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.payload);
                if (m.keyId != null && $Object.hasOwnProperty.call(m, "keyId") && m.keyId.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.keyId);
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature") && m.signature.length)
                    w.uint32(/* id 4, wireType 2 =*/34).bytes(m.signature);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified SignedEnvelope message, length delimited. Does not implicitly {@link fareader.v1.SignedEnvelope.verify|verify} messages.
             * @function encodeDelimited
             * @memberof fareader.v1.SignedEnvelope
             * @static
             * @param {fareader.v1.SignedEnvelope.$Properties} message SignedEnvelope message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SignedEnvelope.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a SignedEnvelope message from the specified reader or buffer.
             * @function decode
             * @memberof fareader.v1.SignedEnvelope
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {fareader.v1.SignedEnvelope & fareader.v1.SignedEnvelope.$Shape} SignedEnvelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SignedEnvelope.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.fareader.v1.SignedEnvelope();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.payloadType = v;
                            else
                                delete m.payloadType;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.payload = v;
                            else
                                delete m.payload;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.keyId = v;
                            else
                                delete m.keyId;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.signature = v;
                            else
                                delete m.signature;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a SignedEnvelope message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof fareader.v1.SignedEnvelope
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {fareader.v1.SignedEnvelope & fareader.v1.SignedEnvelope.$Shape} SignedEnvelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SignedEnvelope.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a SignedEnvelope message.
             * @function verify
             * @memberof fareader.v1.SignedEnvelope
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            SignedEnvelope.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.payloadType != null && $Object.hasOwnProperty.call(m, "payloadType")) {
                    if (typeof m.payloadType !== "number" || (m.payloadType | 0) !== m.payloadType)
                        return "payloadType: enum value expected";
                }
                if (m.payload != null && $Object.hasOwnProperty.call(m, "payload")) {
                    if (!(m.payload && typeof m.payload.length === "number" || $util.isString(m.payload)))
                        return "payload: buffer expected";
                }
                if (m.keyId != null && $Object.hasOwnProperty.call(m, "keyId")) {
                    if (!(m.keyId && typeof m.keyId.length === "number" || $util.isString(m.keyId)))
                        return "keyId: buffer expected";
                }
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature")) {
                    if (!(m.signature && typeof m.signature.length === "number" || $util.isString(m.signature)))
                        return "signature: buffer expected";
                }
                return null;
            };

            /**
             * Creates a SignedEnvelope message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof fareader.v1.SignedEnvelope
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {fareader.v1.SignedEnvelope} SignedEnvelope
             */
            SignedEnvelope.fromObject = function (d, q) {
                if (d instanceof $root.fareader.v1.SignedEnvelope)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".fareader.v1.SignedEnvelope: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.fareader.v1.SignedEnvelope();
                if (d.payloadType !== 0 && (typeof d.payloadType !== "string" || $root.fareader.v1.PayloadType[d.payloadType] !== 0)) {
                    switch (d.payloadType) {
                    case "PAYLOAD_TYPE_UNSPECIFIED":
                    case 0:
                        m.payloadType = 0;
                        break;
                    case "PAYLOAD_TYPE_DEVICE_STATE":
                    case 1:
                        m.payloadType = 1;
                        break;
                    case "PAYLOAD_TYPE_SESSION_EVENT":
                    case 2:
                        m.payloadType = 2;
                        break;
                    case "PAYLOAD_TYPE_VERIFICATION_RESULT":
                    case 3:
                        m.payloadType = 3;
                        break;
                    case "PAYLOAD_TYPE_COMMAND":
                    case 4:
                        m.payloadType = 4;
                        break;
                    case "PAYLOAD_TYPE_COMMAND_RESPONSE":
                    case 5:
                        m.payloadType = 5;
                        break;
                    case "PAYLOAD_TYPE_RESULT_ACK":
                    case 6:
                        m.payloadType = 6;
                        break;
                    case "PAYLOAD_TYPE_TERMINAL_STATE":
                    case 7:
                        m.payloadType = 7;
                        break;
                    default:
                        if (typeof d.payloadType === "number" && (d.payloadType | 0) === d.payloadType)
                            m.payloadType = d.payloadType;
                    }
                }
                if (d.payload != null) {
                    if (d.payload.length) {
                        if (typeof d.payload === "string")
                            $util.base64.decode(d.payload, m.payload = $util.newBuffer($util.base64.length(d.payload)), 0);
                        else if (d.payload.length >= 0)
                            m.payload = d.payload;
                    }
                }
                if (d.keyId != null) {
                    if (d.keyId.length) {
                        if (typeof d.keyId === "string")
                            $util.base64.decode(d.keyId, m.keyId = $util.newBuffer($util.base64.length(d.keyId)), 0);
                        else if (d.keyId.length >= 0)
                            m.keyId = d.keyId;
                    }
                }
                if (d.signature != null) {
                    if (d.signature.length) {
                        if (typeof d.signature === "string")
                            $util.base64.decode(d.signature, m.signature = $util.newBuffer($util.base64.length(d.signature)), 0);
                        else if (d.signature.length >= 0)
                            m.signature = d.signature;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a SignedEnvelope message. Also converts values to other types if specified.
             * @function toObject
             * @memberof fareader.v1.SignedEnvelope
             * @static
             * @param {fareader.v1.SignedEnvelope} m SignedEnvelope
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SignedEnvelope.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.payloadType = o.enums === $String ? "PAYLOAD_TYPE_UNSPECIFIED" : 0;
                    if (o.bytes === $String)
                        d.payload = "";
                    else {
                        d.payload = [];
                        if (o.bytes !== $Array)
                            d.payload = $util.newBuffer(d.payload);
                    }
                    if (o.bytes === $String)
                        d.keyId = "";
                    else {
                        d.keyId = [];
                        if (o.bytes !== $Array)
                            d.keyId = $util.newBuffer(d.keyId);
                    }
                    if (o.bytes === $String)
                        d.signature = "";
                    else {
                        d.signature = [];
                        if (o.bytes !== $Array)
                            d.signature = $util.newBuffer(d.signature);
                    }
                }
                if (m.payloadType != null && $Object.hasOwnProperty.call(m, "payloadType")) {
                    d.payloadType = o.enums === $String ? $root.fareader.v1.PayloadType[m.payloadType] === $undefined ? m.payloadType : $root.fareader.v1.PayloadType[m.payloadType] : m.payloadType;
                }
                if (m.payload != null && $Object.hasOwnProperty.call(m, "payload")) {
                    d.payload = o.bytes === $String ? $util.base64.encode(m.payload, 0, m.payload.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.payload) : m.payload;
                }
                if (m.keyId != null && $Object.hasOwnProperty.call(m, "keyId")) {
                    d.keyId = o.bytes === $String ? $util.base64.encode(m.keyId, 0, m.keyId.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.keyId) : m.keyId;
                }
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature")) {
                    d.signature = o.bytes === $String ? $util.base64.encode(m.signature, 0, m.signature.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.signature) : m.signature;
                }
                return d;
            };

            /**
             * Converts this SignedEnvelope to JSON.
             * @function toJSON
             * @memberof fareader.v1.SignedEnvelope
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SignedEnvelope.prototype.toJSON = function() {
                return SignedEnvelope.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for SignedEnvelope
             * @function getTypeUrl
             * @memberof fareader.v1.SignedEnvelope
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SignedEnvelope.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fareader.v1.SignedEnvelope";
            };

            return SignedEnvelope;
        })();

        v1.PairingHello = (function() {

            /**
             * Properties of a PairingHello.
             * @typedef {Object} fareader.v1.PairingHello.$Properties
             * @property {string|null} [terminalId] PairingHello terminalId
             * @property {Uint8Array|null} [terminalKey] PairingHello terminalKey
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PairingHello.
             * @memberof fareader.v1
             * @interface IPairingHello
             * @augments fareader.v1.PairingHello.$Properties
             * @deprecated Use fareader.v1.PairingHello.$Properties instead.
             */

            /**
             * Shape of a PairingHello.
             * @typedef {fareader.v1.PairingHello.$Properties} fareader.v1.PairingHello.$Shape
             */

            /**
             * Constructs a new PairingHello.
             * @memberof fareader.v1
             * @classdesc Represents a PairingHello.
             * @constructor
             * @param {fareader.v1.PairingHello.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PairingHello = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * PairingHello terminalId.
             * @member {string} terminalId
             * @memberof fareader.v1.PairingHello
             * @instance
             */
            PairingHello.prototype.terminalId = "";

            /**
             * PairingHello terminalKey.
             * @member {Uint8Array} terminalKey
             * @memberof fareader.v1.PairingHello
             * @instance
             */
            PairingHello.prototype.terminalKey = $util.newBuffer([]);

            /**
             * Creates a new PairingHello instance using the specified properties.
             * @function create
             * @memberof fareader.v1.PairingHello
             * @static
             * @param {fareader.v1.PairingHello.$Properties=} [properties] Properties to set
             * @returns {fareader.v1.PairingHello} PairingHello instance
             * @type {{
             *   (properties: fareader.v1.PairingHello.$Shape): fareader.v1.PairingHello & fareader.v1.PairingHello.$Shape;
             *   (properties?: fareader.v1.PairingHello.$Properties): fareader.v1.PairingHello;
             * }}
             */
            PairingHello.create = function(properties) {
                return new PairingHello(properties);
            };

            /**
             * Encodes the specified PairingHello message. Does not implicitly {@link fareader.v1.PairingHello.verify|verify} messages.
             * @function encode
             * @memberof fareader.v1.PairingHello
             * @static
             * @param {fareader.v1.PairingHello.$Properties} m PairingHello message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PairingHello.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.terminalId != null && $Object.hasOwnProperty.call(m, "terminalId") && m.terminalId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.terminalId);
                if (m.terminalKey != null && $Object.hasOwnProperty.call(m, "terminalKey") && m.terminalKey.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.terminalKey);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified PairingHello message, length delimited. Does not implicitly {@link fareader.v1.PairingHello.verify|verify} messages.
             * @function encodeDelimited
             * @memberof fareader.v1.PairingHello
             * @static
             * @param {fareader.v1.PairingHello.$Properties} message PairingHello message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PairingHello.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a PairingHello message from the specified reader or buffer.
             * @function decode
             * @memberof fareader.v1.PairingHello
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {fareader.v1.PairingHello & fareader.v1.PairingHello.$Shape} PairingHello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PairingHello.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.fareader.v1.PairingHello();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.terminalId = v;
                            else
                                delete m.terminalId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.terminalKey = v;
                            else
                                delete m.terminalKey;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a PairingHello message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof fareader.v1.PairingHello
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {fareader.v1.PairingHello & fareader.v1.PairingHello.$Shape} PairingHello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PairingHello.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a PairingHello message.
             * @function verify
             * @memberof fareader.v1.PairingHello
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            PairingHello.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.terminalId != null && $Object.hasOwnProperty.call(m, "terminalId")) {
                    if (!$util.isString(m.terminalId))
                        return "terminalId: string expected";
                }
                if (m.terminalKey != null && $Object.hasOwnProperty.call(m, "terminalKey")) {
                    if (!(m.terminalKey && typeof m.terminalKey.length === "number" || $util.isString(m.terminalKey)))
                        return "terminalKey: buffer expected";
                }
                return null;
            };

            /**
             * Creates a PairingHello message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof fareader.v1.PairingHello
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {fareader.v1.PairingHello} PairingHello
             */
            PairingHello.fromObject = function (d, q) {
                if (d instanceof $root.fareader.v1.PairingHello)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".fareader.v1.PairingHello: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.fareader.v1.PairingHello();
                if (d.terminalId != null) {
                    if (typeof d.terminalId !== "string" || d.terminalId.length) {
                        m.terminalId = $String(d.terminalId);
                    }
                }
                if (d.terminalKey != null) {
                    if (d.terminalKey.length) {
                        if (typeof d.terminalKey === "string")
                            $util.base64.decode(d.terminalKey, m.terminalKey = $util.newBuffer($util.base64.length(d.terminalKey)), 0);
                        else if (d.terminalKey.length >= 0)
                            m.terminalKey = d.terminalKey;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a PairingHello message. Also converts values to other types if specified.
             * @function toObject
             * @memberof fareader.v1.PairingHello
             * @static
             * @param {fareader.v1.PairingHello} m PairingHello
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PairingHello.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.terminalId = "";
                    if (o.bytes === $String)
                        d.terminalKey = "";
                    else {
                        d.terminalKey = [];
                        if (o.bytes !== $Array)
                            d.terminalKey = $util.newBuffer(d.terminalKey);
                    }
                }
                if (m.terminalId != null && $Object.hasOwnProperty.call(m, "terminalId")) {
                    d.terminalId = m.terminalId;
                }
                if (m.terminalKey != null && $Object.hasOwnProperty.call(m, "terminalKey")) {
                    d.terminalKey = o.bytes === $String ? $util.base64.encode(m.terminalKey, 0, m.terminalKey.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.terminalKey) : m.terminalKey;
                }
                return d;
            };

            /**
             * Converts this PairingHello to JSON.
             * @function toJSON
             * @memberof fareader.v1.PairingHello
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PairingHello.prototype.toJSON = function() {
                return PairingHello.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for PairingHello
             * @function getTypeUrl
             * @memberof fareader.v1.PairingHello
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PairingHello.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fareader.v1.PairingHello";
            };

            return PairingHello;
        })();

        v1.PairingCommit = (function() {

            /**
             * Properties of a PairingCommit.
             * @typedef {Object} fareader.v1.PairingCommit.$Properties
             * @property {string|null} [deviceId] PairingCommit deviceId
             * @property {Uint8Array|null} [deviceKey] PairingCommit deviceKey
             * @property {Uint8Array|null} [commitment] PairingCommit commitment
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PairingCommit.
             * @memberof fareader.v1
             * @interface IPairingCommit
             * @augments fareader.v1.PairingCommit.$Properties
             * @deprecated Use fareader.v1.PairingCommit.$Properties instead.
             */

            /**
             * Shape of a PairingCommit.
             * @typedef {fareader.v1.PairingCommit.$Properties} fareader.v1.PairingCommit.$Shape
             */

            /**
             * Constructs a new PairingCommit.
             * @memberof fareader.v1
             * @classdesc Represents a PairingCommit.
             * @constructor
             * @param {fareader.v1.PairingCommit.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PairingCommit = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * PairingCommit deviceId.
             * @member {string} deviceId
             * @memberof fareader.v1.PairingCommit
             * @instance
             */
            PairingCommit.prototype.deviceId = "";

            /**
             * PairingCommit deviceKey.
             * @member {Uint8Array} deviceKey
             * @memberof fareader.v1.PairingCommit
             * @instance
             */
            PairingCommit.prototype.deviceKey = $util.newBuffer([]);

            /**
             * PairingCommit commitment.
             * @member {Uint8Array} commitment
             * @memberof fareader.v1.PairingCommit
             * @instance
             */
            PairingCommit.prototype.commitment = $util.newBuffer([]);

            /**
             * Creates a new PairingCommit instance using the specified properties.
             * @function create
             * @memberof fareader.v1.PairingCommit
             * @static
             * @param {fareader.v1.PairingCommit.$Properties=} [properties] Properties to set
             * @returns {fareader.v1.PairingCommit} PairingCommit instance
             * @type {{
             *   (properties: fareader.v1.PairingCommit.$Shape): fareader.v1.PairingCommit & fareader.v1.PairingCommit.$Shape;
             *   (properties?: fareader.v1.PairingCommit.$Properties): fareader.v1.PairingCommit;
             * }}
             */
            PairingCommit.create = function(properties) {
                return new PairingCommit(properties);
            };

            /**
             * Encodes the specified PairingCommit message. Does not implicitly {@link fareader.v1.PairingCommit.verify|verify} messages.
             * @function encode
             * @memberof fareader.v1.PairingCommit
             * @static
             * @param {fareader.v1.PairingCommit.$Properties} m PairingCommit message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PairingCommit.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId") && m.deviceId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.deviceId);
                if (m.deviceKey != null && $Object.hasOwnProperty.call(m, "deviceKey") && m.deviceKey.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.deviceKey);
                if (m.commitment != null && $Object.hasOwnProperty.call(m, "commitment") && m.commitment.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.commitment);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified PairingCommit message, length delimited. Does not implicitly {@link fareader.v1.PairingCommit.verify|verify} messages.
             * @function encodeDelimited
             * @memberof fareader.v1.PairingCommit
             * @static
             * @param {fareader.v1.PairingCommit.$Properties} message PairingCommit message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PairingCommit.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a PairingCommit message from the specified reader or buffer.
             * @function decode
             * @memberof fareader.v1.PairingCommit
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {fareader.v1.PairingCommit & fareader.v1.PairingCommit.$Shape} PairingCommit
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PairingCommit.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.fareader.v1.PairingCommit();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.deviceId = v;
                            else
                                delete m.deviceId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.deviceKey = v;
                            else
                                delete m.deviceKey;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.commitment = v;
                            else
                                delete m.commitment;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a PairingCommit message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof fareader.v1.PairingCommit
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {fareader.v1.PairingCommit & fareader.v1.PairingCommit.$Shape} PairingCommit
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PairingCommit.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a PairingCommit message.
             * @function verify
             * @memberof fareader.v1.PairingCommit
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            PairingCommit.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId")) {
                    if (!$util.isString(m.deviceId))
                        return "deviceId: string expected";
                }
                if (m.deviceKey != null && $Object.hasOwnProperty.call(m, "deviceKey")) {
                    if (!(m.deviceKey && typeof m.deviceKey.length === "number" || $util.isString(m.deviceKey)))
                        return "deviceKey: buffer expected";
                }
                if (m.commitment != null && $Object.hasOwnProperty.call(m, "commitment")) {
                    if (!(m.commitment && typeof m.commitment.length === "number" || $util.isString(m.commitment)))
                        return "commitment: buffer expected";
                }
                return null;
            };

            /**
             * Creates a PairingCommit message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof fareader.v1.PairingCommit
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {fareader.v1.PairingCommit} PairingCommit
             */
            PairingCommit.fromObject = function (d, q) {
                if (d instanceof $root.fareader.v1.PairingCommit)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".fareader.v1.PairingCommit: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.fareader.v1.PairingCommit();
                if (d.deviceId != null) {
                    if (typeof d.deviceId !== "string" || d.deviceId.length) {
                        m.deviceId = $String(d.deviceId);
                    }
                }
                if (d.deviceKey != null) {
                    if (d.deviceKey.length) {
                        if (typeof d.deviceKey === "string")
                            $util.base64.decode(d.deviceKey, m.deviceKey = $util.newBuffer($util.base64.length(d.deviceKey)), 0);
                        else if (d.deviceKey.length >= 0)
                            m.deviceKey = d.deviceKey;
                    }
                }
                if (d.commitment != null) {
                    if (d.commitment.length) {
                        if (typeof d.commitment === "string")
                            $util.base64.decode(d.commitment, m.commitment = $util.newBuffer($util.base64.length(d.commitment)), 0);
                        else if (d.commitment.length >= 0)
                            m.commitment = d.commitment;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a PairingCommit message. Also converts values to other types if specified.
             * @function toObject
             * @memberof fareader.v1.PairingCommit
             * @static
             * @param {fareader.v1.PairingCommit} m PairingCommit
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PairingCommit.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.deviceId = "";
                    if (o.bytes === $String)
                        d.deviceKey = "";
                    else {
                        d.deviceKey = [];
                        if (o.bytes !== $Array)
                            d.deviceKey = $util.newBuffer(d.deviceKey);
                    }
                    if (o.bytes === $String)
                        d.commitment = "";
                    else {
                        d.commitment = [];
                        if (o.bytes !== $Array)
                            d.commitment = $util.newBuffer(d.commitment);
                    }
                }
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId")) {
                    d.deviceId = m.deviceId;
                }
                if (m.deviceKey != null && $Object.hasOwnProperty.call(m, "deviceKey")) {
                    d.deviceKey = o.bytes === $String ? $util.base64.encode(m.deviceKey, 0, m.deviceKey.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.deviceKey) : m.deviceKey;
                }
                if (m.commitment != null && $Object.hasOwnProperty.call(m, "commitment")) {
                    d.commitment = o.bytes === $String ? $util.base64.encode(m.commitment, 0, m.commitment.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.commitment) : m.commitment;
                }
                return d;
            };

            /**
             * Converts this PairingCommit to JSON.
             * @function toJSON
             * @memberof fareader.v1.PairingCommit
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PairingCommit.prototype.toJSON = function() {
                return PairingCommit.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for PairingCommit
             * @function getTypeUrl
             * @memberof fareader.v1.PairingCommit
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PairingCommit.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fareader.v1.PairingCommit";
            };

            return PairingCommit;
        })();

        v1.PairingNonce = (function() {

            /**
             * Properties of a PairingNonce.
             * @typedef {Object} fareader.v1.PairingNonce.$Properties
             * @property {Uint8Array|null} [nonce] PairingNonce nonce
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PairingNonce.
             * @memberof fareader.v1
             * @interface IPairingNonce
             * @augments fareader.v1.PairingNonce.$Properties
             * @deprecated Use fareader.v1.PairingNonce.$Properties instead.
             */

            /**
             * Shape of a PairingNonce.
             * @typedef {fareader.v1.PairingNonce.$Properties} fareader.v1.PairingNonce.$Shape
             */

            /**
             * Constructs a new PairingNonce.
             * @memberof fareader.v1
             * @classdesc Represents a PairingNonce.
             * @constructor
             * @param {fareader.v1.PairingNonce.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PairingNonce = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * PairingNonce nonce.
             * @member {Uint8Array} nonce
             * @memberof fareader.v1.PairingNonce
             * @instance
             */
            PairingNonce.prototype.nonce = $util.newBuffer([]);

            /**
             * Creates a new PairingNonce instance using the specified properties.
             * @function create
             * @memberof fareader.v1.PairingNonce
             * @static
             * @param {fareader.v1.PairingNonce.$Properties=} [properties] Properties to set
             * @returns {fareader.v1.PairingNonce} PairingNonce instance
             * @type {{
             *   (properties: fareader.v1.PairingNonce.$Shape): fareader.v1.PairingNonce & fareader.v1.PairingNonce.$Shape;
             *   (properties?: fareader.v1.PairingNonce.$Properties): fareader.v1.PairingNonce;
             * }}
             */
            PairingNonce.create = function(properties) {
                return new PairingNonce(properties);
            };

            /**
             * Encodes the specified PairingNonce message. Does not implicitly {@link fareader.v1.PairingNonce.verify|verify} messages.
             * @function encode
             * @memberof fareader.v1.PairingNonce
             * @static
             * @param {fareader.v1.PairingNonce.$Properties} m PairingNonce message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PairingNonce.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.nonce != null && $Object.hasOwnProperty.call(m, "nonce") && m.nonce.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.nonce);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified PairingNonce message, length delimited. Does not implicitly {@link fareader.v1.PairingNonce.verify|verify} messages.
             * @function encodeDelimited
             * @memberof fareader.v1.PairingNonce
             * @static
             * @param {fareader.v1.PairingNonce.$Properties} message PairingNonce message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PairingNonce.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a PairingNonce message from the specified reader or buffer.
             * @function decode
             * @memberof fareader.v1.PairingNonce
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {fareader.v1.PairingNonce & fareader.v1.PairingNonce.$Shape} PairingNonce
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PairingNonce.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.fareader.v1.PairingNonce();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.nonce = v;
                            else
                                delete m.nonce;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a PairingNonce message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof fareader.v1.PairingNonce
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {fareader.v1.PairingNonce & fareader.v1.PairingNonce.$Shape} PairingNonce
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PairingNonce.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a PairingNonce message.
             * @function verify
             * @memberof fareader.v1.PairingNonce
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            PairingNonce.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.nonce != null && $Object.hasOwnProperty.call(m, "nonce")) {
                    if (!(m.nonce && typeof m.nonce.length === "number" || $util.isString(m.nonce)))
                        return "nonce: buffer expected";
                }
                return null;
            };

            /**
             * Creates a PairingNonce message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof fareader.v1.PairingNonce
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {fareader.v1.PairingNonce} PairingNonce
             */
            PairingNonce.fromObject = function (d, q) {
                if (d instanceof $root.fareader.v1.PairingNonce)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".fareader.v1.PairingNonce: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.fareader.v1.PairingNonce();
                if (d.nonce != null) {
                    if (d.nonce.length) {
                        if (typeof d.nonce === "string")
                            $util.base64.decode(d.nonce, m.nonce = $util.newBuffer($util.base64.length(d.nonce)), 0);
                        else if (d.nonce.length >= 0)
                            m.nonce = d.nonce;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a PairingNonce message. Also converts values to other types if specified.
             * @function toObject
             * @memberof fareader.v1.PairingNonce
             * @static
             * @param {fareader.v1.PairingNonce} m PairingNonce
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PairingNonce.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if (o.bytes === $String)
                        d.nonce = "";
                    else {
                        d.nonce = [];
                        if (o.bytes !== $Array)
                            d.nonce = $util.newBuffer(d.nonce);
                    }
                }
                if (m.nonce != null && $Object.hasOwnProperty.call(m, "nonce")) {
                    d.nonce = o.bytes === $String ? $util.base64.encode(m.nonce, 0, m.nonce.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.nonce) : m.nonce;
                }
                return d;
            };

            /**
             * Converts this PairingNonce to JSON.
             * @function toJSON
             * @memberof fareader.v1.PairingNonce
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PairingNonce.prototype.toJSON = function() {
                return PairingNonce.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for PairingNonce
             * @function getTypeUrl
             * @memberof fareader.v1.PairingNonce
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PairingNonce.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fareader.v1.PairingNonce";
            };

            return PairingNonce;
        })();

        v1.PairingConfirm = (function() {

            /**
             * Properties of a PairingConfirm.
             * @typedef {Object} fareader.v1.PairingConfirm.$Properties
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PairingConfirm.
             * @memberof fareader.v1
             * @interface IPairingConfirm
             * @augments fareader.v1.PairingConfirm.$Properties
             * @deprecated Use fareader.v1.PairingConfirm.$Properties instead.
             */

            /**
             * Shape of a PairingConfirm.
             * @typedef {fareader.v1.PairingConfirm.$Properties} fareader.v1.PairingConfirm.$Shape
             */

            /**
             * Constructs a new PairingConfirm.
             * @memberof fareader.v1
             * @classdesc Represents a PairingConfirm.
             * @constructor
             * @param {fareader.v1.PairingConfirm.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PairingConfirm = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Creates a new PairingConfirm instance using the specified properties.
             * @function create
             * @memberof fareader.v1.PairingConfirm
             * @static
             * @param {fareader.v1.PairingConfirm.$Properties=} [properties] Properties to set
             * @returns {fareader.v1.PairingConfirm} PairingConfirm instance
             * @type {{
             *   (properties: fareader.v1.PairingConfirm.$Shape): fareader.v1.PairingConfirm & fareader.v1.PairingConfirm.$Shape;
             *   (properties?: fareader.v1.PairingConfirm.$Properties): fareader.v1.PairingConfirm;
             * }}
             */
            PairingConfirm.create = function(properties) {
                return new PairingConfirm(properties);
            };

            /**
             * Encodes the specified PairingConfirm message. Does not implicitly {@link fareader.v1.PairingConfirm.verify|verify} messages.
             * @function encode
             * @memberof fareader.v1.PairingConfirm
             * @static
             * @param {fareader.v1.PairingConfirm.$Properties} m PairingConfirm message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PairingConfirm.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified PairingConfirm message, length delimited. Does not implicitly {@link fareader.v1.PairingConfirm.verify|verify} messages.
             * @function encodeDelimited
             * @memberof fareader.v1.PairingConfirm
             * @static
             * @param {fareader.v1.PairingConfirm.$Properties} message PairingConfirm message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PairingConfirm.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a PairingConfirm message from the specified reader or buffer.
             * @function decode
             * @memberof fareader.v1.PairingConfirm
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {fareader.v1.PairingConfirm & fareader.v1.PairingConfirm.$Shape} PairingConfirm
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PairingConfirm.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.fareader.v1.PairingConfirm();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    r.skipType(t & 7, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a PairingConfirm message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof fareader.v1.PairingConfirm
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {fareader.v1.PairingConfirm & fareader.v1.PairingConfirm.$Shape} PairingConfirm
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PairingConfirm.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a PairingConfirm message.
             * @function verify
             * @memberof fareader.v1.PairingConfirm
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            PairingConfirm.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                return null;
            };

            /**
             * Creates a PairingConfirm message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof fareader.v1.PairingConfirm
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {fareader.v1.PairingConfirm} PairingConfirm
             */
            PairingConfirm.fromObject = function (d, q) {
                if (d instanceof $root.fareader.v1.PairingConfirm)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".fareader.v1.PairingConfirm: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                return new $root.fareader.v1.PairingConfirm();
            };

            /**
             * Creates a plain object from a PairingConfirm message. Also converts values to other types if specified.
             * @function toObject
             * @memberof fareader.v1.PairingConfirm
             * @static
             * @param {fareader.v1.PairingConfirm} m PairingConfirm
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PairingConfirm.toObject = function () {
                return {};
            };

            /**
             * Converts this PairingConfirm to JSON.
             * @function toJSON
             * @memberof fareader.v1.PairingConfirm
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PairingConfirm.prototype.toJSON = function() {
                return PairingConfirm.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for PairingConfirm
             * @function getTypeUrl
             * @memberof fareader.v1.PairingConfirm
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PairingConfirm.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fareader.v1.PairingConfirm";
            };

            return PairingConfirm;
        })();

        v1.PairingAbort = (function() {

            /**
             * Properties of a PairingAbort.
             * @typedef {Object} fareader.v1.PairingAbort.$Properties
             * @property {string|null} [reason] PairingAbort reason
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PairingAbort.
             * @memberof fareader.v1
             * @interface IPairingAbort
             * @augments fareader.v1.PairingAbort.$Properties
             * @deprecated Use fareader.v1.PairingAbort.$Properties instead.
             */

            /**
             * Shape of a PairingAbort.
             * @typedef {fareader.v1.PairingAbort.$Properties} fareader.v1.PairingAbort.$Shape
             */

            /**
             * Constructs a new PairingAbort.
             * @memberof fareader.v1
             * @classdesc Represents a PairingAbort.
             * @constructor
             * @param {fareader.v1.PairingAbort.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PairingAbort = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * PairingAbort reason.
             * @member {string} reason
             * @memberof fareader.v1.PairingAbort
             * @instance
             */
            PairingAbort.prototype.reason = "";

            /**
             * Creates a new PairingAbort instance using the specified properties.
             * @function create
             * @memberof fareader.v1.PairingAbort
             * @static
             * @param {fareader.v1.PairingAbort.$Properties=} [properties] Properties to set
             * @returns {fareader.v1.PairingAbort} PairingAbort instance
             * @type {{
             *   (properties: fareader.v1.PairingAbort.$Shape): fareader.v1.PairingAbort & fareader.v1.PairingAbort.$Shape;
             *   (properties?: fareader.v1.PairingAbort.$Properties): fareader.v1.PairingAbort;
             * }}
             */
            PairingAbort.create = function(properties) {
                return new PairingAbort(properties);
            };

            /**
             * Encodes the specified PairingAbort message. Does not implicitly {@link fareader.v1.PairingAbort.verify|verify} messages.
             * @function encode
             * @memberof fareader.v1.PairingAbort
             * @static
             * @param {fareader.v1.PairingAbort.$Properties} m PairingAbort message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PairingAbort.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason") && m.reason !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.reason);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified PairingAbort message, length delimited. Does not implicitly {@link fareader.v1.PairingAbort.verify|verify} messages.
             * @function encodeDelimited
             * @memberof fareader.v1.PairingAbort
             * @static
             * @param {fareader.v1.PairingAbort.$Properties} message PairingAbort message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PairingAbort.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a PairingAbort message from the specified reader or buffer.
             * @function decode
             * @memberof fareader.v1.PairingAbort
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {fareader.v1.PairingAbort & fareader.v1.PairingAbort.$Shape} PairingAbort
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PairingAbort.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.fareader.v1.PairingAbort();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.reason = v;
                            else
                                delete m.reason;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a PairingAbort message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof fareader.v1.PairingAbort
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {fareader.v1.PairingAbort & fareader.v1.PairingAbort.$Shape} PairingAbort
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PairingAbort.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a PairingAbort message.
             * @function verify
             * @memberof fareader.v1.PairingAbort
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            PairingAbort.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason")) {
                    if (!$util.isString(m.reason))
                        return "reason: string expected";
                }
                return null;
            };

            /**
             * Creates a PairingAbort message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof fareader.v1.PairingAbort
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {fareader.v1.PairingAbort} PairingAbort
             */
            PairingAbort.fromObject = function (d, q) {
                if (d instanceof $root.fareader.v1.PairingAbort)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".fareader.v1.PairingAbort: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.fareader.v1.PairingAbort();
                if (d.reason != null) {
                    if (typeof d.reason !== "string" || d.reason.length) {
                        m.reason = $String(d.reason);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a PairingAbort message. Also converts values to other types if specified.
             * @function toObject
             * @memberof fareader.v1.PairingAbort
             * @static
             * @param {fareader.v1.PairingAbort} m PairingAbort
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PairingAbort.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.reason = "";
                }
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason")) {
                    d.reason = m.reason;
                }
                return d;
            };

            /**
             * Converts this PairingAbort to JSON.
             * @function toJSON
             * @memberof fareader.v1.PairingAbort
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PairingAbort.prototype.toJSON = function() {
                return PairingAbort.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for PairingAbort
             * @function getTypeUrl
             * @memberof fareader.v1.PairingAbort
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PairingAbort.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fareader.v1.PairingAbort";
            };

            return PairingAbort;
        })();

        v1.PairingMessage = (function() {

            /**
             * Properties of a PairingMessage.
             * @typedef {Object} fareader.v1.PairingMessage.$Properties
             * @property {Uint8Array|null} [pairingId] PairingMessage pairingId
             * @property {fareader.v1.PairingHello.$Properties|null} [hello] PairingMessage hello
             * @property {fareader.v1.PairingCommit.$Properties|null} [commit] PairingMessage commit
             * @property {fareader.v1.PairingNonce.$Properties|null} [terminalNonce] PairingMessage terminalNonce
             * @property {fareader.v1.PairingNonce.$Properties|null} [deviceNonce] PairingMessage deviceNonce
             * @property {fareader.v1.PairingConfirm.$Properties|null} [confirm] PairingMessage confirm
             * @property {fareader.v1.PairingAbort.$Properties|null} [abort] PairingMessage abort
             * @property {Uint8Array|null} [signature] PairingMessage signature
             * @property {"hello"|"commit"|"terminalNonce"|"deviceNonce"|"confirm"|"abort"} [step] PairingMessage step
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PairingMessage.
             * @memberof fareader.v1
             * @interface IPairingMessage
             * @augments fareader.v1.PairingMessage.$Properties
             * @deprecated Use fareader.v1.PairingMessage.$Properties instead.
             */

            /**
             * Narrowed shape of a PairingMessage.
             * @typedef {{
             *   pairingId?: Uint8Array|null;
             *   hello?: fareader.v1.PairingHello.$Shape|null;
             *   commit?: fareader.v1.PairingCommit.$Shape|null;
             *   terminalNonce?: fareader.v1.PairingNonce.$Shape|null;
             *   deviceNonce?: fareader.v1.PairingNonce.$Shape|null;
             *   confirm?: fareader.v1.PairingConfirm.$Shape|null;
             *   abort?: fareader.v1.PairingAbort.$Shape|null;
             *   signature?: Uint8Array|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ step?: undefined; hello?: null; commit?: null; terminalNonce?: null; deviceNonce?: null; confirm?: null; abort?: null }|{ step?: "hello"; hello: fareader.v1.PairingHello.$Shape; commit?: null; terminalNonce?: null; deviceNonce?: null; confirm?: null; abort?: null }|{ step?: "commit"; hello?: null; commit: fareader.v1.PairingCommit.$Shape; terminalNonce?: null; deviceNonce?: null; confirm?: null; abort?: null }|{ step?: "terminalNonce"; hello?: null; commit?: null; terminalNonce: fareader.v1.PairingNonce.$Shape; deviceNonce?: null; confirm?: null; abort?: null }|{ step?: "deviceNonce"; hello?: null; commit?: null; terminalNonce?: null; deviceNonce: fareader.v1.PairingNonce.$Shape; confirm?: null; abort?: null }|{ step?: "confirm"; hello?: null; commit?: null; terminalNonce?: null; deviceNonce?: null; confirm: fareader.v1.PairingConfirm.$Shape; abort?: null }|{ step?: "abort"; hello?: null; commit?: null; terminalNonce?: null; deviceNonce?: null; confirm?: null; abort: fareader.v1.PairingAbort.$Shape })
             * )} fareader.v1.PairingMessage.$Shape
             */

            /**
             * Constructs a new PairingMessage.
             * @memberof fareader.v1
             * @classdesc Represents a PairingMessage.
             * @constructor
             * @param {fareader.v1.PairingMessage.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PairingMessage = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * PairingMessage pairingId.
             * @member {Uint8Array} pairingId
             * @memberof fareader.v1.PairingMessage
             * @instance
             */
            PairingMessage.prototype.pairingId = $util.newBuffer([]);

            /**
             * PairingMessage hello.
             * @member {fareader.v1.PairingHello.$Properties|null|undefined} hello
             * @memberof fareader.v1.PairingMessage
             * @instance
             */
            PairingMessage.prototype.hello = null;

            /**
             * PairingMessage commit.
             * @member {fareader.v1.PairingCommit.$Properties|null|undefined} commit
             * @memberof fareader.v1.PairingMessage
             * @instance
             */
            PairingMessage.prototype.commit = null;

            /**
             * PairingMessage terminalNonce.
             * @member {fareader.v1.PairingNonce.$Properties|null|undefined} terminalNonce
             * @memberof fareader.v1.PairingMessage
             * @instance
             */
            PairingMessage.prototype.terminalNonce = null;

            /**
             * PairingMessage deviceNonce.
             * @member {fareader.v1.PairingNonce.$Properties|null|undefined} deviceNonce
             * @memberof fareader.v1.PairingMessage
             * @instance
             */
            PairingMessage.prototype.deviceNonce = null;

            /**
             * PairingMessage confirm.
             * @member {fareader.v1.PairingConfirm.$Properties|null|undefined} confirm
             * @memberof fareader.v1.PairingMessage
             * @instance
             */
            PairingMessage.prototype.confirm = null;

            /**
             * PairingMessage abort.
             * @member {fareader.v1.PairingAbort.$Properties|null|undefined} abort
             * @memberof fareader.v1.PairingMessage
             * @instance
             */
            PairingMessage.prototype.abort = null;

            /**
             * PairingMessage signature.
             * @member {Uint8Array} signature
             * @memberof fareader.v1.PairingMessage
             * @instance
             */
            PairingMessage.prototype.signature = $util.newBuffer([]);

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * PairingMessage step.
             * @member {"hello"|"commit"|"terminalNonce"|"deviceNonce"|"confirm"|"abort"|undefined} step
             * @memberof fareader.v1.PairingMessage
             * @instance
             */
            $Object.defineProperty(PairingMessage.prototype, "step", {
                get: $util.oneOfGetter($oneOfFields = ["hello", "commit", "terminalNonce", "deviceNonce", "confirm", "abort"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new PairingMessage instance using the specified properties.
             * @function create
             * @memberof fareader.v1.PairingMessage
             * @static
             * @param {fareader.v1.PairingMessage.$Properties=} [properties] Properties to set
             * @returns {fareader.v1.PairingMessage} PairingMessage instance
             * @type {{
             *   (properties: fareader.v1.PairingMessage.$Shape): fareader.v1.PairingMessage & fareader.v1.PairingMessage.$Shape;
             *   (properties?: fareader.v1.PairingMessage.$Properties): fareader.v1.PairingMessage;
             * }}
             */
            PairingMessage.create = function(properties) {
                return new PairingMessage(properties);
            };

            /**
             * Encodes the specified PairingMessage message. Does not implicitly {@link fareader.v1.PairingMessage.verify|verify} messages.
             * @function encode
             * @memberof fareader.v1.PairingMessage
             * @static
             * @param {fareader.v1.PairingMessage.$Properties} m PairingMessage message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PairingMessage.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.pairingId != null && $Object.hasOwnProperty.call(m, "pairingId") && m.pairingId.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.pairingId);
                if (m.hello != null && $Object.hasOwnProperty.call(m, "hello"))
                    $root.fareader.v1.PairingHello.encode(m.hello, w.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (m.commit != null && $Object.hasOwnProperty.call(m, "commit"))
                    $root.fareader.v1.PairingCommit.encode(m.commit, w.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                if (m.terminalNonce != null && $Object.hasOwnProperty.call(m, "terminalNonce"))
                    $root.fareader.v1.PairingNonce.encode(m.terminalNonce, w.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
                if (m.deviceNonce != null && $Object.hasOwnProperty.call(m, "deviceNonce"))
                    $root.fareader.v1.PairingNonce.encode(m.deviceNonce, w.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
                if (m.confirm != null && $Object.hasOwnProperty.call(m, "confirm"))
                    $root.fareader.v1.PairingConfirm.encode(m.confirm, w.uint32(/* id 6, wireType 2 =*/50).fork(), q + 1).ldelim();
                if (m.abort != null && $Object.hasOwnProperty.call(m, "abort"))
                    $root.fareader.v1.PairingAbort.encode(m.abort, w.uint32(/* id 7, wireType 2 =*/58).fork(), q + 1).ldelim();
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature") && m.signature.length)
                    w.uint32(/* id 8, wireType 2 =*/66).bytes(m.signature);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified PairingMessage message, length delimited. Does not implicitly {@link fareader.v1.PairingMessage.verify|verify} messages.
             * @function encodeDelimited
             * @memberof fareader.v1.PairingMessage
             * @static
             * @param {fareader.v1.PairingMessage.$Properties} message PairingMessage message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PairingMessage.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a PairingMessage message from the specified reader or buffer.
             * @function decode
             * @memberof fareader.v1.PairingMessage
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {fareader.v1.PairingMessage & fareader.v1.PairingMessage.$Shape} PairingMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PairingMessage.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.fareader.v1.PairingMessage();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.pairingId = v;
                            else
                                delete m.pairingId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            m.hello = $root.fareader.v1.PairingHello.decode(r, r.size(), $undefined, q + 1, m.hello);
                            m.step = "hello";
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            m.commit = $root.fareader.v1.PairingCommit.decode(r, r.size(), $undefined, q + 1, m.commit);
                            m.step = "commit";
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            m.terminalNonce = $root.fareader.v1.PairingNonce.decode(r, r.size(), $undefined, q + 1, m.terminalNonce);
                            m.step = "terminalNonce";
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            m.deviceNonce = $root.fareader.v1.PairingNonce.decode(r, r.size(), $undefined, q + 1, m.deviceNonce);
                            m.step = "deviceNonce";
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            m.confirm = $root.fareader.v1.PairingConfirm.decode(r, r.size(), $undefined, q + 1, m.confirm);
                            m.step = "confirm";
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            m.abort = $root.fareader.v1.PairingAbort.decode(r, r.size(), $undefined, q + 1, m.abort);
                            m.step = "abort";
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.signature = v;
                            else
                                delete m.signature;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a PairingMessage message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof fareader.v1.PairingMessage
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {fareader.v1.PairingMessage & fareader.v1.PairingMessage.$Shape} PairingMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PairingMessage.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a PairingMessage message.
             * @function verify
             * @memberof fareader.v1.PairingMessage
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            PairingMessage.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                var p = {};
                if (m.pairingId != null && $Object.hasOwnProperty.call(m, "pairingId")) {
                    if (!(m.pairingId && typeof m.pairingId.length === "number" || $util.isString(m.pairingId)))
                        return "pairingId: buffer expected";
                }
                if (m.hello != null && $Object.hasOwnProperty.call(m, "hello")) {
                    p.step = 1;
                    {
                        var e = $root.fareader.v1.PairingHello.verify(m.hello, q + 1);
                        if (e)
                            return "hello." + e;
                    }
                }
                if (m.commit != null && $Object.hasOwnProperty.call(m, "commit")) {
                    if (p.step === 1)
                        return "step: multiple values";
                    p.step = 1;
                    {
                        var e = $root.fareader.v1.PairingCommit.verify(m.commit, q + 1);
                        if (e)
                            return "commit." + e;
                    }
                }
                if (m.terminalNonce != null && $Object.hasOwnProperty.call(m, "terminalNonce")) {
                    if (p.step === 1)
                        return "step: multiple values";
                    p.step = 1;
                    {
                        var e = $root.fareader.v1.PairingNonce.verify(m.terminalNonce, q + 1);
                        if (e)
                            return "terminalNonce." + e;
                    }
                }
                if (m.deviceNonce != null && $Object.hasOwnProperty.call(m, "deviceNonce")) {
                    if (p.step === 1)
                        return "step: multiple values";
                    p.step = 1;
                    {
                        var e = $root.fareader.v1.PairingNonce.verify(m.deviceNonce, q + 1);
                        if (e)
                            return "deviceNonce." + e;
                    }
                }
                if (m.confirm != null && $Object.hasOwnProperty.call(m, "confirm")) {
                    if (p.step === 1)
                        return "step: multiple values";
                    p.step = 1;
                    {
                        var e = $root.fareader.v1.PairingConfirm.verify(m.confirm, q + 1);
                        if (e)
                            return "confirm." + e;
                    }
                }
                if (m.abort != null && $Object.hasOwnProperty.call(m, "abort")) {
                    if (p.step === 1)
                        return "step: multiple values";
                    p.step = 1;
                    {
                        var e = $root.fareader.v1.PairingAbort.verify(m.abort, q + 1);
                        if (e)
                            return "abort." + e;
                    }
                }
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature")) {
                    if (!(m.signature && typeof m.signature.length === "number" || $util.isString(m.signature)))
                        return "signature: buffer expected";
                }
                return null;
            };

            /**
             * Creates a PairingMessage message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof fareader.v1.PairingMessage
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {fareader.v1.PairingMessage} PairingMessage
             */
            PairingMessage.fromObject = function (d, q) {
                if (d instanceof $root.fareader.v1.PairingMessage)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".fareader.v1.PairingMessage: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.fareader.v1.PairingMessage();
                if (d.pairingId != null) {
                    if (d.pairingId.length) {
                        if (typeof d.pairingId === "string")
                            $util.base64.decode(d.pairingId, m.pairingId = $util.newBuffer($util.base64.length(d.pairingId)), 0);
                        else if (d.pairingId.length >= 0)
                            m.pairingId = d.pairingId;
                    }
                }
                if (d.hello != null) {
                    if (!$util.isObject(d.hello))
                        throw $TypeError(".fareader.v1.PairingMessage.hello: object expected");
                    m.hello = $root.fareader.v1.PairingHello.fromObject(d.hello, q + 1);
                }
                if (d.commit != null) {
                    if (!$util.isObject(d.commit))
                        throw $TypeError(".fareader.v1.PairingMessage.commit: object expected");
                    m.commit = $root.fareader.v1.PairingCommit.fromObject(d.commit, q + 1);
                }
                if (d.terminalNonce != null) {
                    if (!$util.isObject(d.terminalNonce))
                        throw $TypeError(".fareader.v1.PairingMessage.terminalNonce: object expected");
                    m.terminalNonce = $root.fareader.v1.PairingNonce.fromObject(d.terminalNonce, q + 1);
                }
                if (d.deviceNonce != null) {
                    if (!$util.isObject(d.deviceNonce))
                        throw $TypeError(".fareader.v1.PairingMessage.deviceNonce: object expected");
                    m.deviceNonce = $root.fareader.v1.PairingNonce.fromObject(d.deviceNonce, q + 1);
                }
                if (d.confirm != null) {
                    if (!$util.isObject(d.confirm))
                        throw $TypeError(".fareader.v1.PairingMessage.confirm: object expected");
                    m.confirm = $root.fareader.v1.PairingConfirm.fromObject(d.confirm, q + 1);
                }
                if (d.abort != null) {
                    if (!$util.isObject(d.abort))
                        throw $TypeError(".fareader.v1.PairingMessage.abort: object expected");
                    m.abort = $root.fareader.v1.PairingAbort.fromObject(d.abort, q + 1);
                }
                if (d.signature != null) {
                    if (d.signature.length) {
                        if (typeof d.signature === "string")
                            $util.base64.decode(d.signature, m.signature = $util.newBuffer($util.base64.length(d.signature)), 0);
                        else if (d.signature.length >= 0)
                            m.signature = d.signature;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a PairingMessage message. Also converts values to other types if specified.
             * @function toObject
             * @memberof fareader.v1.PairingMessage
             * @static
             * @param {fareader.v1.PairingMessage} m PairingMessage
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PairingMessage.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if (o.bytes === $String)
                        d.pairingId = "";
                    else {
                        d.pairingId = [];
                        if (o.bytes !== $Array)
                            d.pairingId = $util.newBuffer(d.pairingId);
                    }
                    if (o.bytes === $String)
                        d.signature = "";
                    else {
                        d.signature = [];
                        if (o.bytes !== $Array)
                            d.signature = $util.newBuffer(d.signature);
                    }
                }
                if (m.pairingId != null && $Object.hasOwnProperty.call(m, "pairingId")) {
                    d.pairingId = o.bytes === $String ? $util.base64.encode(m.pairingId, 0, m.pairingId.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.pairingId) : m.pairingId;
                }
                if (m.hello != null && $Object.hasOwnProperty.call(m, "hello")) {
                    d.hello = $root.fareader.v1.PairingHello.toObject(m.hello, o, q + 1);
                    if (o.oneofs)
                        d.step = "hello";
                }
                if (m.commit != null && $Object.hasOwnProperty.call(m, "commit")) {
                    d.commit = $root.fareader.v1.PairingCommit.toObject(m.commit, o, q + 1);
                    if (o.oneofs)
                        d.step = "commit";
                }
                if (m.terminalNonce != null && $Object.hasOwnProperty.call(m, "terminalNonce")) {
                    d.terminalNonce = $root.fareader.v1.PairingNonce.toObject(m.terminalNonce, o, q + 1);
                    if (o.oneofs)
                        d.step = "terminalNonce";
                }
                if (m.deviceNonce != null && $Object.hasOwnProperty.call(m, "deviceNonce")) {
                    d.deviceNonce = $root.fareader.v1.PairingNonce.toObject(m.deviceNonce, o, q + 1);
                    if (o.oneofs)
                        d.step = "deviceNonce";
                }
                if (m.confirm != null && $Object.hasOwnProperty.call(m, "confirm")) {
                    d.confirm = $root.fareader.v1.PairingConfirm.toObject(m.confirm, o, q + 1);
                    if (o.oneofs)
                        d.step = "confirm";
                }
                if (m.abort != null && $Object.hasOwnProperty.call(m, "abort")) {
                    d.abort = $root.fareader.v1.PairingAbort.toObject(m.abort, o, q + 1);
                    if (o.oneofs)
                        d.step = "abort";
                }
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature")) {
                    d.signature = o.bytes === $String ? $util.base64.encode(m.signature, 0, m.signature.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.signature) : m.signature;
                }
                return d;
            };

            /**
             * Converts this PairingMessage to JSON.
             * @function toJSON
             * @memberof fareader.v1.PairingMessage
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PairingMessage.prototype.toJSON = function() {
                return PairingMessage.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for PairingMessage
             * @function getTypeUrl
             * @memberof fareader.v1.PairingMessage
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PairingMessage.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fareader.v1.PairingMessage";
            };

            return PairingMessage;
        })();

        /**
         * Method enum.
         * @name fareader.v1.Method
         * @enum {number}
         * @property {number} METHOD_UNSPECIFIED=0 METHOD_UNSPECIFIED value
         * @property {number} METHOD_FACE=1 METHOD_FACE value
         * @property {number} METHOD_PIN=2 METHOD_PIN value
         * @property {number} METHOD_VISUAL_CHECK=3 METHOD_VISUAL_CHECK value
         */
        v1.Method = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "METHOD_UNSPECIFIED"] = 0;
            values[valuesById[1] = "METHOD_FACE"] = 1;
            values[valuesById[2] = "METHOD_PIN"] = 2;
            values[valuesById[3] = "METHOD_VISUAL_CHECK"] = 3;
            return values;
        })();

        /**
         * Outcome enum.
         * @name fareader.v1.Outcome
         * @enum {number}
         * @property {number} OUTCOME_UNSPECIFIED=0 OUTCOME_UNSPECIFIED value
         * @property {number} OUTCOME_VERIFIED=1 OUTCOME_VERIFIED value
         * @property {number} OUTCOME_FACE_NOT_MATCHED=2 OUTCOME_FACE_NOT_MATCHED value
         * @property {number} OUTCOME_LIVENESS_FAILED=3 OUTCOME_LIVENESS_FAILED value
         * @property {number} OUTCOME_PIN_WRONG=4 OUTCOME_PIN_WRONG value
         * @property {number} OUTCOME_PIN_BLOCKED=5 OUTCOME_PIN_BLOCKED value
         * @property {number} OUTCOME_CANCELLED_BY_PATIENT=6 OUTCOME_CANCELLED_BY_PATIENT value
         * @property {number} OUTCOME_CANCELLED_BY_TERMINAL=7 OUTCOME_CANCELLED_BY_TERMINAL value
         * @property {number} OUTCOME_TIMED_OUT=8 OUTCOME_TIMED_OUT value
         * @property {number} OUTCOME_CARD_REMOVED=9 OUTCOME_CARD_REMOVED value
         * @property {number} OUTCOME_CARD_ERROR=10 OUTCOME_CARD_ERROR value
         * @property {number} OUTCOME_CARD_EXPIRED=11 OUTCOME_CARD_EXPIRED value
         * @property {number} OUTCOME_CAMERA_ERROR=12 OUTCOME_CAMERA_ERROR value
         * @property {number} OUTCOME_MODULE_ERROR=13 OUTCOME_MODULE_ERROR value
         * @property {number} OUTCOME_CARD_FACE_UNREADABLE=14 OUTCOME_CARD_FACE_UNREADABLE value
         * @property {number} OUTCOME_VISUAL_CHECK_REJECTED=15 OUTCOME_VISUAL_CHECK_REJECTED value
         * @property {number} OUTCOME_INTERRUPTED=16 OUTCOME_INTERRUPTED value
         */
        v1.Outcome = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "OUTCOME_UNSPECIFIED"] = 0;
            values[valuesById[1] = "OUTCOME_VERIFIED"] = 1;
            values[valuesById[2] = "OUTCOME_FACE_NOT_MATCHED"] = 2;
            values[valuesById[3] = "OUTCOME_LIVENESS_FAILED"] = 3;
            values[valuesById[4] = "OUTCOME_PIN_WRONG"] = 4;
            values[valuesById[5] = "OUTCOME_PIN_BLOCKED"] = 5;
            values[valuesById[6] = "OUTCOME_CANCELLED_BY_PATIENT"] = 6;
            values[valuesById[7] = "OUTCOME_CANCELLED_BY_TERMINAL"] = 7;
            values[valuesById[8] = "OUTCOME_TIMED_OUT"] = 8;
            values[valuesById[9] = "OUTCOME_CARD_REMOVED"] = 9;
            values[valuesById[10] = "OUTCOME_CARD_ERROR"] = 10;
            values[valuesById[11] = "OUTCOME_CARD_EXPIRED"] = 11;
            values[valuesById[12] = "OUTCOME_CAMERA_ERROR"] = 12;
            values[valuesById[13] = "OUTCOME_MODULE_ERROR"] = 13;
            values[valuesById[14] = "OUTCOME_CARD_FACE_UNREADABLE"] = 14;
            values[valuesById[15] = "OUTCOME_VISUAL_CHECK_REJECTED"] = 15;
            values[valuesById[16] = "OUTCOME_INTERRUPTED"] = 16;
            return values;
        })();

        /**
         * Stage enum.
         * @name fareader.v1.Stage
         * @enum {number}
         * @property {number} STAGE_UNSPECIFIED=0 STAGE_UNSPECIFIED value
         * @property {number} STAGE_CARD_READ=1 STAGE_CARD_READ value
         * @property {number} STAGE_CARD_FACE_READ=2 STAGE_CARD_FACE_READ value
         * @property {number} STAGE_PHOTO_READ=3 STAGE_PHOTO_READ value
         * @property {number} STAGE_CAPTURE_AND_MATCH=4 STAGE_CAPTURE_AND_MATCH value
         * @property {number} STAGE_PIN=5 STAGE_PIN value
         * @property {number} STAGE_VISUAL_CHECK=6 STAGE_VISUAL_CHECK value
         * @property {number} STAGE_CONSENT=7 STAGE_CONSENT value
         * @property {number} STAGE_SIGN_AND_PUBLISH=8 STAGE_SIGN_AND_PUBLISH value
         */
        v1.Stage = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "STAGE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "STAGE_CARD_READ"] = 1;
            values[valuesById[2] = "STAGE_CARD_FACE_READ"] = 2;
            values[valuesById[3] = "STAGE_PHOTO_READ"] = 3;
            values[valuesById[4] = "STAGE_CAPTURE_AND_MATCH"] = 4;
            values[valuesById[5] = "STAGE_PIN"] = 5;
            values[valuesById[6] = "STAGE_VISUAL_CHECK"] = 6;
            values[valuesById[7] = "STAGE_CONSENT"] = 7;
            values[valuesById[8] = "STAGE_SIGN_AND_PUBLISH"] = 8;
            return values;
        })();

        /**
         * ConsentKind enum.
         * @name fareader.v1.ConsentKind
         * @enum {number}
         * @property {number} CONSENT_KIND_UNSPECIFIED=0 CONSENT_KIND_UNSPECIFIED value
         * @property {number} CONSENT_KIND_MEDICATION=1 CONSENT_KIND_MEDICATION value
         * @property {number} CONSENT_KIND_HEALTH_CHECKUP=2 CONSENT_KIND_HEALTH_CHECKUP value
         * @property {number} CONSENT_KIND_MEDICAL_TREATMENT=3 CONSENT_KIND_MEDICAL_TREATMENT value
         * @property {number} CONSENT_KIND_SURGERY=4 CONSENT_KIND_SURGERY value
         * @property {number} CONSENT_KIND_HIGH_COST_LIMIT=5 CONSENT_KIND_HIGH_COST_LIMIT value
         */
        v1.ConsentKind = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "CONSENT_KIND_UNSPECIFIED"] = 0;
            values[valuesById[1] = "CONSENT_KIND_MEDICATION"] = 1;
            values[valuesById[2] = "CONSENT_KIND_HEALTH_CHECKUP"] = 2;
            values[valuesById[3] = "CONSENT_KIND_MEDICAL_TREATMENT"] = 3;
            values[valuesById[4] = "CONSENT_KIND_SURGERY"] = 4;
            values[valuesById[5] = "CONSENT_KIND_HIGH_COST_LIMIT"] = 5;
            return values;
        })();

        v1.SessionEvent = (function() {

            /**
             * Properties of a SessionEvent.
             * @typedef {Object} fareader.v1.SessionEvent.$Properties
             * @property {string|null} [deviceId] SessionEvent deviceId
             * @property {string|null} [sessionId] SessionEvent sessionId
             * @property {number|Long|null} [seq] SessionEvent seq
             * @property {fareader.v1.Stage|null} [stage] SessionEvent stage
             * @property {string|null} [state] SessionEvent state
             * @property {number|Long|null} [timeMs] SessionEvent timeMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SessionEvent.
             * @memberof fareader.v1
             * @interface ISessionEvent
             * @augments fareader.v1.SessionEvent.$Properties
             * @deprecated Use fareader.v1.SessionEvent.$Properties instead.
             */

            /**
             * Shape of a SessionEvent.
             * @typedef {fareader.v1.SessionEvent.$Properties} fareader.v1.SessionEvent.$Shape
             */

            /**
             * Constructs a new SessionEvent.
             * @memberof fareader.v1
             * @classdesc Represents a SessionEvent.
             * @constructor
             * @param {fareader.v1.SessionEvent.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SessionEvent = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * SessionEvent deviceId.
             * @member {string} deviceId
             * @memberof fareader.v1.SessionEvent
             * @instance
             */
            SessionEvent.prototype.deviceId = "";

            /**
             * SessionEvent sessionId.
             * @member {string} sessionId
             * @memberof fareader.v1.SessionEvent
             * @instance
             */
            SessionEvent.prototype.sessionId = "";

            /**
             * SessionEvent seq.
             * @member {number|Long} seq
             * @memberof fareader.v1.SessionEvent
             * @instance
             */
            SessionEvent.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * SessionEvent stage.
             * @member {fareader.v1.Stage} stage
             * @memberof fareader.v1.SessionEvent
             * @instance
             */
            SessionEvent.prototype.stage = 0;

            /**
             * SessionEvent state.
             * @member {string} state
             * @memberof fareader.v1.SessionEvent
             * @instance
             */
            SessionEvent.prototype.state = "";

            /**
             * SessionEvent timeMs.
             * @member {number|Long} timeMs
             * @memberof fareader.v1.SessionEvent
             * @instance
             */
            SessionEvent.prototype.timeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new SessionEvent instance using the specified properties.
             * @function create
             * @memberof fareader.v1.SessionEvent
             * @static
             * @param {fareader.v1.SessionEvent.$Properties=} [properties] Properties to set
             * @returns {fareader.v1.SessionEvent} SessionEvent instance
             * @type {{
             *   (properties: fareader.v1.SessionEvent.$Shape): fareader.v1.SessionEvent & fareader.v1.SessionEvent.$Shape;
             *   (properties?: fareader.v1.SessionEvent.$Properties): fareader.v1.SessionEvent;
             * }}
             */
            SessionEvent.create = function(properties) {
                return new SessionEvent(properties);
            };

            /**
             * Encodes the specified SessionEvent message. Does not implicitly {@link fareader.v1.SessionEvent.verify|verify} messages.
             * @function encode
             * @memberof fareader.v1.SessionEvent
             * @static
             * @param {fareader.v1.SessionEvent.$Properties} m SessionEvent message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SessionEvent.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId") && m.deviceId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.deviceId);
                if (m.sessionId != null && $Object.hasOwnProperty.call(m, "sessionId") && m.sessionId !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.sessionId);
                if (m.seq != null && $Object.hasOwnProperty.call(m, "seq") && (typeof m.seq === "object" ? m.seq.low || m.seq.high : m.seq !== 0))
                    w.uint32(/* id 3, wireType 0 =*/24).uint64(m.seq);
                if (m.stage != null && $Object.hasOwnProperty.call(m, "stage") && m.stage !== 0)
                    w.uint32(/* id 4, wireType 0 =*/32).int32(m.stage);
                if (m.state != null && $Object.hasOwnProperty.call(m, "state") && m.state !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.state);
                if (m.timeMs != null && $Object.hasOwnProperty.call(m, "timeMs") && (typeof m.timeMs === "object" ? m.timeMs.low || m.timeMs.high : m.timeMs !== 0))
                    w.uint32(/* id 6, wireType 0 =*/48).uint64(m.timeMs);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified SessionEvent message, length delimited. Does not implicitly {@link fareader.v1.SessionEvent.verify|verify} messages.
             * @function encodeDelimited
             * @memberof fareader.v1.SessionEvent
             * @static
             * @param {fareader.v1.SessionEvent.$Properties} message SessionEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SessionEvent.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a SessionEvent message from the specified reader or buffer.
             * @function decode
             * @memberof fareader.v1.SessionEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {fareader.v1.SessionEvent & fareader.v1.SessionEvent.$Shape} SessionEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SessionEvent.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.fareader.v1.SessionEvent();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.deviceId = v;
                            else
                                delete m.deviceId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.sessionId = v;
                            else
                                delete m.sessionId;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.seq = v;
                            else
                                delete m.seq;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.stage = v;
                            else
                                delete m.stage;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.state = v;
                            else
                                delete m.state;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.timeMs = v;
                            else
                                delete m.timeMs;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a SessionEvent message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof fareader.v1.SessionEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {fareader.v1.SessionEvent & fareader.v1.SessionEvent.$Shape} SessionEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SessionEvent.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a SessionEvent message.
             * @function verify
             * @memberof fareader.v1.SessionEvent
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            SessionEvent.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId")) {
                    if (!$util.isString(m.deviceId))
                        return "deviceId: string expected";
                }
                if (m.sessionId != null && $Object.hasOwnProperty.call(m, "sessionId")) {
                    if (!$util.isString(m.sessionId))
                        return "sessionId: string expected";
                }
                if (m.seq != null && $Object.hasOwnProperty.call(m, "seq")) {
                    if (!$util.isInteger(m.seq) && !(m.seq && $util.isInteger(m.seq.low) && $util.isInteger(m.seq.high)))
                        return "seq: integer|Long expected";
                }
                if (m.stage != null && $Object.hasOwnProperty.call(m, "stage")) {
                    if (typeof m.stage !== "number" || (m.stage | 0) !== m.stage)
                        return "stage: enum value expected";
                }
                if (m.state != null && $Object.hasOwnProperty.call(m, "state")) {
                    if (!$util.isString(m.state))
                        return "state: string expected";
                }
                if (m.timeMs != null && $Object.hasOwnProperty.call(m, "timeMs")) {
                    if (!$util.isInteger(m.timeMs) && !(m.timeMs && $util.isInteger(m.timeMs.low) && $util.isInteger(m.timeMs.high)))
                        return "timeMs: integer|Long expected";
                }
                return null;
            };

            /**
             * Creates a SessionEvent message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof fareader.v1.SessionEvent
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {fareader.v1.SessionEvent} SessionEvent
             */
            SessionEvent.fromObject = function (d, q) {
                if (d instanceof $root.fareader.v1.SessionEvent)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".fareader.v1.SessionEvent: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.fareader.v1.SessionEvent();
                if (d.deviceId != null) {
                    if (typeof d.deviceId !== "string" || d.deviceId.length) {
                        m.deviceId = $String(d.deviceId);
                    }
                }
                if (d.sessionId != null) {
                    if (typeof d.sessionId !== "string" || d.sessionId.length) {
                        m.sessionId = $String(d.sessionId);
                    }
                }
                if (d.seq != null) {
                    if (typeof d.seq === "object" ? d.seq.low || d.seq.high : $Number(d.seq) !== 0) {
                        if ($util.Long)
                            m.seq = $util.Long.fromValue(d.seq, true);
                        else if (typeof d.seq === "string")
                            m.seq = $parseInt(d.seq, 10);
                        else if (typeof d.seq === "number")
                            m.seq = d.seq;
                        else if (typeof d.seq === "object")
                            m.seq = new $util.LongBits(d.seq.low >>> 0, d.seq.high >>> 0).toNumber(true);
                    }
                }
                if (d.stage !== 0 && (typeof d.stage !== "string" || $root.fareader.v1.Stage[d.stage] !== 0)) {
                    switch (d.stage) {
                    case "STAGE_UNSPECIFIED":
                    case 0:
                        m.stage = 0;
                        break;
                    case "STAGE_CARD_READ":
                    case 1:
                        m.stage = 1;
                        break;
                    case "STAGE_CARD_FACE_READ":
                    case 2:
                        m.stage = 2;
                        break;
                    case "STAGE_PHOTO_READ":
                    case 3:
                        m.stage = 3;
                        break;
                    case "STAGE_CAPTURE_AND_MATCH":
                    case 4:
                        m.stage = 4;
                        break;
                    case "STAGE_PIN":
                    case 5:
                        m.stage = 5;
                        break;
                    case "STAGE_VISUAL_CHECK":
                    case 6:
                        m.stage = 6;
                        break;
                    case "STAGE_CONSENT":
                    case 7:
                        m.stage = 7;
                        break;
                    case "STAGE_SIGN_AND_PUBLISH":
                    case 8:
                        m.stage = 8;
                        break;
                    default:
                        if (typeof d.stage === "number" && (d.stage | 0) === d.stage)
                            m.stage = d.stage;
                    }
                }
                if (d.state != null) {
                    if (typeof d.state !== "string" || d.state.length) {
                        m.state = $String(d.state);
                    }
                }
                if (d.timeMs != null) {
                    if (typeof d.timeMs === "object" ? d.timeMs.low || d.timeMs.high : $Number(d.timeMs) !== 0) {
                        if ($util.Long)
                            m.timeMs = $util.Long.fromValue(d.timeMs, true);
                        else if (typeof d.timeMs === "string")
                            m.timeMs = $parseInt(d.timeMs, 10);
                        else if (typeof d.timeMs === "number")
                            m.timeMs = d.timeMs;
                        else if (typeof d.timeMs === "object")
                            m.timeMs = new $util.LongBits(d.timeMs.low >>> 0, d.timeMs.high >>> 0).toNumber(true);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a SessionEvent message. Also converts values to other types if specified.
             * @function toObject
             * @memberof fareader.v1.SessionEvent
             * @static
             * @param {fareader.v1.SessionEvent} m SessionEvent
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SessionEvent.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.deviceId = "";
                    d.sessionId = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.seq = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.seq = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.stage = o.enums === $String ? "STAGE_UNSPECIFIED" : 0;
                    d.state = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.timeMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.timeMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId")) {
                    d.deviceId = m.deviceId;
                }
                if (m.sessionId != null && $Object.hasOwnProperty.call(m, "sessionId")) {
                    d.sessionId = m.sessionId;
                }
                if (m.seq != null && $Object.hasOwnProperty.call(m, "seq")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.seq = typeof m.seq === "number" ? $BigInt(m.seq) : $util.Long.fromBits(m.seq.low >>> 0, m.seq.high >>> 0, true).toBigInt();
                    else if (typeof m.seq === "number")
                        d.seq = o.longs === $String ? $String(m.seq) : m.seq;
                    else
                        d.seq = o.longs === $String ? $util.Long.prototype.toString.call(m.seq) : o.longs === $Number ? new $util.LongBits(m.seq.low >>> 0, m.seq.high >>> 0).toNumber(true) : m.seq;
                }
                if (m.stage != null && $Object.hasOwnProperty.call(m, "stage")) {
                    d.stage = o.enums === $String ? $root.fareader.v1.Stage[m.stage] === $undefined ? m.stage : $root.fareader.v1.Stage[m.stage] : m.stage;
                }
                if (m.state != null && $Object.hasOwnProperty.call(m, "state")) {
                    d.state = m.state;
                }
                if (m.timeMs != null && $Object.hasOwnProperty.call(m, "timeMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.timeMs = typeof m.timeMs === "number" ? $BigInt(m.timeMs) : $util.Long.fromBits(m.timeMs.low >>> 0, m.timeMs.high >>> 0, true).toBigInt();
                    else if (typeof m.timeMs === "number")
                        d.timeMs = o.longs === $String ? $String(m.timeMs) : m.timeMs;
                    else
                        d.timeMs = o.longs === $String ? $util.Long.prototype.toString.call(m.timeMs) : o.longs === $Number ? new $util.LongBits(m.timeMs.low >>> 0, m.timeMs.high >>> 0).toNumber(true) : m.timeMs;
                }
                return d;
            };

            /**
             * Converts this SessionEvent to JSON.
             * @function toJSON
             * @memberof fareader.v1.SessionEvent
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SessionEvent.prototype.toJSON = function() {
                return SessionEvent.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for SessionEvent
             * @function getTypeUrl
             * @memberof fareader.v1.SessionEvent
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SessionEvent.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fareader.v1.SessionEvent";
            };

            return SessionEvent;
        })();

        v1.LivenessEvidence = (function() {

            /**
             * Properties of a LivenessEvidence.
             * @typedef {Object} fareader.v1.LivenessEvidence.$Properties
             * @property {boolean|null} [passed] LivenessEvidence passed
             * @property {string|null} [challenge] LivenessEvidence challenge
             * @property {number|null} [score] LivenessEvidence score
             * @property {number|null} [threshold] LivenessEvidence threshold
             * @property {number|null} [frames] LivenessEvidence frames
             * @property {Array.<string>|null} [checksPassed] LivenessEvidence checksPassed
             * @property {string|null} [reason] LivenessEvidence reason
             * @property {number|null} [passiveScore] LivenessEvidence passiveScore
             * @property {number|null} [passiveThreshold] LivenessEvidence passiveThreshold
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a LivenessEvidence.
             * @memberof fareader.v1
             * @interface ILivenessEvidence
             * @augments fareader.v1.LivenessEvidence.$Properties
             * @deprecated Use fareader.v1.LivenessEvidence.$Properties instead.
             */

            /**
             * Shape of a LivenessEvidence.
             * @typedef {fareader.v1.LivenessEvidence.$Properties} fareader.v1.LivenessEvidence.$Shape
             */

            /**
             * Constructs a new LivenessEvidence.
             * @memberof fareader.v1
             * @classdesc Represents a LivenessEvidence.
             * @constructor
             * @param {fareader.v1.LivenessEvidence.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const LivenessEvidence = function (p) {
                this.checksPassed = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * LivenessEvidence passed.
             * @member {boolean} passed
             * @memberof fareader.v1.LivenessEvidence
             * @instance
             */
            LivenessEvidence.prototype.passed = false;

            /**
             * LivenessEvidence challenge.
             * @member {string} challenge
             * @memberof fareader.v1.LivenessEvidence
             * @instance
             */
            LivenessEvidence.prototype.challenge = "";

            /**
             * LivenessEvidence score.
             * @member {number} score
             * @memberof fareader.v1.LivenessEvidence
             * @instance
             */
            LivenessEvidence.prototype.score = 0;

            /**
             * LivenessEvidence threshold.
             * @member {number} threshold
             * @memberof fareader.v1.LivenessEvidence
             * @instance
             */
            LivenessEvidence.prototype.threshold = 0;

            /**
             * LivenessEvidence frames.
             * @member {number} frames
             * @memberof fareader.v1.LivenessEvidence
             * @instance
             */
            LivenessEvidence.prototype.frames = 0;

            /**
             * LivenessEvidence checksPassed.
             * @member {Array.<string>} checksPassed
             * @memberof fareader.v1.LivenessEvidence
             * @instance
             */
            LivenessEvidence.prototype.checksPassed = $util.emptyArray;

            /**
             * LivenessEvidence reason.
             * @member {string} reason
             * @memberof fareader.v1.LivenessEvidence
             * @instance
             */
            LivenessEvidence.prototype.reason = "";

            /**
             * LivenessEvidence passiveScore.
             * @member {number} passiveScore
             * @memberof fareader.v1.LivenessEvidence
             * @instance
             */
            LivenessEvidence.prototype.passiveScore = 0;

            /**
             * LivenessEvidence passiveThreshold.
             * @member {number} passiveThreshold
             * @memberof fareader.v1.LivenessEvidence
             * @instance
             */
            LivenessEvidence.prototype.passiveThreshold = 0;

            /**
             * Creates a new LivenessEvidence instance using the specified properties.
             * @function create
             * @memberof fareader.v1.LivenessEvidence
             * @static
             * @param {fareader.v1.LivenessEvidence.$Properties=} [properties] Properties to set
             * @returns {fareader.v1.LivenessEvidence} LivenessEvidence instance
             * @type {{
             *   (properties: fareader.v1.LivenessEvidence.$Shape): fareader.v1.LivenessEvidence & fareader.v1.LivenessEvidence.$Shape;
             *   (properties?: fareader.v1.LivenessEvidence.$Properties): fareader.v1.LivenessEvidence;
             * }}
             */
            LivenessEvidence.create = function(properties) {
                return new LivenessEvidence(properties);
            };

            /**
             * Encodes the specified LivenessEvidence message. Does not implicitly {@link fareader.v1.LivenessEvidence.verify|verify} messages.
             * @function encode
             * @memberof fareader.v1.LivenessEvidence
             * @static
             * @param {fareader.v1.LivenessEvidence.$Properties} m LivenessEvidence message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LivenessEvidence.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.passed != null && $Object.hasOwnProperty.call(m, "passed") && m.passed !== false)
                    w.uint32(/* id 1, wireType 0 =*/8).bool(m.passed);
                if (m.challenge != null && $Object.hasOwnProperty.call(m, "challenge") && m.challenge !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.challenge);
                if (m.score != null && $Object.hasOwnProperty.call(m, "score") && !$Object.is(m.score, 0))
                    w.uint32(/* id 3, wireType 5 =*/29).float(m.score);
                if (m.threshold != null && $Object.hasOwnProperty.call(m, "threshold") && !$Object.is(m.threshold, 0))
                    w.uint32(/* id 4, wireType 5 =*/37).float(m.threshold);
                if (m.frames != null && $Object.hasOwnProperty.call(m, "frames") && m.frames !== 0)
                    w.uint32(/* id 5, wireType 0 =*/40).uint32(m.frames);
                if (m.checksPassed != null && m.checksPassed.length) {
                    for (var i = 0; i < m.checksPassed.length; ++i)
                        w.uint32(/* id 6, wireType 2 =*/50).string(m.checksPassed[i]);
                }
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason") && m.reason !== "")
                    w.uint32(/* id 7, wireType 2 =*/58).string(m.reason);
                if (m.passiveScore != null && $Object.hasOwnProperty.call(m, "passiveScore") && !$Object.is(m.passiveScore, 0))
                    w.uint32(/* id 8, wireType 5 =*/69).float(m.passiveScore);
                if (m.passiveThreshold != null && $Object.hasOwnProperty.call(m, "passiveThreshold") && !$Object.is(m.passiveThreshold, 0))
                    w.uint32(/* id 9, wireType 5 =*/77).float(m.passiveThreshold);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified LivenessEvidence message, length delimited. Does not implicitly {@link fareader.v1.LivenessEvidence.verify|verify} messages.
             * @function encodeDelimited
             * @memberof fareader.v1.LivenessEvidence
             * @static
             * @param {fareader.v1.LivenessEvidence.$Properties} message LivenessEvidence message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LivenessEvidence.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a LivenessEvidence message from the specified reader or buffer.
             * @function decode
             * @memberof fareader.v1.LivenessEvidence
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {fareader.v1.LivenessEvidence & fareader.v1.LivenessEvidence.$Shape} LivenessEvidence
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LivenessEvidence.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.fareader.v1.LivenessEvidence();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.passed = v;
                            else
                                delete m.passed;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.challenge = v;
                            else
                                delete m.challenge;
                            continue;
                        }
                    case 3: {
                            if (u !== 5)
                                break;
                            if (!$Object.is(v = r.float(), 0))
                                m.score = v;
                            else
                                delete m.score;
                            continue;
                        }
                    case 4: {
                            if (u !== 5)
                                break;
                            if (!$Object.is(v = r.float(), 0))
                                m.threshold = v;
                            else
                                delete m.threshold;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.frames = v;
                            else
                                delete m.frames;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if (!(m.checksPassed && m.checksPassed.length))
                                m.checksPassed = [];
                            m.checksPassed.push(r.stringVerify());
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.reason = v;
                            else
                                delete m.reason;
                            continue;
                        }
                    case 8: {
                            if (u !== 5)
                                break;
                            if (!$Object.is(v = r.float(), 0))
                                m.passiveScore = v;
                            else
                                delete m.passiveScore;
                            continue;
                        }
                    case 9: {
                            if (u !== 5)
                                break;
                            if (!$Object.is(v = r.float(), 0))
                                m.passiveThreshold = v;
                            else
                                delete m.passiveThreshold;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a LivenessEvidence message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof fareader.v1.LivenessEvidence
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {fareader.v1.LivenessEvidence & fareader.v1.LivenessEvidence.$Shape} LivenessEvidence
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LivenessEvidence.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a LivenessEvidence message.
             * @function verify
             * @memberof fareader.v1.LivenessEvidence
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            LivenessEvidence.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.passed != null && $Object.hasOwnProperty.call(m, "passed")) {
                    if (typeof m.passed !== "boolean")
                        return "passed: boolean expected";
                }
                if (m.challenge != null && $Object.hasOwnProperty.call(m, "challenge")) {
                    if (!$util.isString(m.challenge))
                        return "challenge: string expected";
                }
                if (m.score != null && $Object.hasOwnProperty.call(m, "score")) {
                    if (typeof m.score !== "number")
                        return "score: number expected";
                }
                if (m.threshold != null && $Object.hasOwnProperty.call(m, "threshold")) {
                    if (typeof m.threshold !== "number")
                        return "threshold: number expected";
                }
                if (m.frames != null && $Object.hasOwnProperty.call(m, "frames")) {
                    if (!$util.isInteger(m.frames))
                        return "frames: integer expected";
                }
                if (m.checksPassed != null && $Object.hasOwnProperty.call(m, "checksPassed")) {
                    if (!$Array.isArray(m.checksPassed))
                        return "checksPassed: array expected";
                    for (var i = 0; i < m.checksPassed.length; ++i) {
                        if (!$util.isString(m.checksPassed[i]))
                            return "checksPassed: string[] expected";
                    }
                }
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason")) {
                    if (!$util.isString(m.reason))
                        return "reason: string expected";
                }
                if (m.passiveScore != null && $Object.hasOwnProperty.call(m, "passiveScore")) {
                    if (typeof m.passiveScore !== "number")
                        return "passiveScore: number expected";
                }
                if (m.passiveThreshold != null && $Object.hasOwnProperty.call(m, "passiveThreshold")) {
                    if (typeof m.passiveThreshold !== "number")
                        return "passiveThreshold: number expected";
                }
                return null;
            };

            /**
             * Creates a LivenessEvidence message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof fareader.v1.LivenessEvidence
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {fareader.v1.LivenessEvidence} LivenessEvidence
             */
            LivenessEvidence.fromObject = function (d, q) {
                if (d instanceof $root.fareader.v1.LivenessEvidence)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".fareader.v1.LivenessEvidence: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.fareader.v1.LivenessEvidence();
                if (d.passed != null) {
                    if (d.passed) {
                        m.passed = $Boolean(d.passed);
                    }
                }
                if (d.challenge != null) {
                    if (typeof d.challenge !== "string" || d.challenge.length) {
                        m.challenge = $String(d.challenge);
                    }
                }
                if (d.score != null) {
                    if (!$Object.is($Number(d.score), 0)) {
                        m.score = $Number(d.score);
                    }
                }
                if (d.threshold != null) {
                    if (!$Object.is($Number(d.threshold), 0)) {
                        m.threshold = $Number(d.threshold);
                    }
                }
                if (d.frames != null) {
                    if ($Number(d.frames) !== 0) {
                        m.frames = d.frames >>> 0;
                    }
                }
                if (d.checksPassed) {
                    if (!$Array.isArray(d.checksPassed))
                        throw $TypeError(".fareader.v1.LivenessEvidence.checksPassed: array expected");
                    m.checksPassed = $Array(d.checksPassed.length);
                    for (var i = 0; i < d.checksPassed.length; ++i) {
                        m.checksPassed[i] = $String(d.checksPassed[i]);
                    }
                }
                if (d.reason != null) {
                    if (typeof d.reason !== "string" || d.reason.length) {
                        m.reason = $String(d.reason);
                    }
                }
                if (d.passiveScore != null) {
                    if (!$Object.is($Number(d.passiveScore), 0)) {
                        m.passiveScore = $Number(d.passiveScore);
                    }
                }
                if (d.passiveThreshold != null) {
                    if (!$Object.is($Number(d.passiveThreshold), 0)) {
                        m.passiveThreshold = $Number(d.passiveThreshold);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a LivenessEvidence message. Also converts values to other types if specified.
             * @function toObject
             * @memberof fareader.v1.LivenessEvidence
             * @static
             * @param {fareader.v1.LivenessEvidence} m LivenessEvidence
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            LivenessEvidence.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.checksPassed = [];
                }
                if (o.defaults) {
                    d.passed = false;
                    d.challenge = "";
                    d.score = 0;
                    d.threshold = 0;
                    d.frames = 0;
                    d.reason = "";
                    d.passiveScore = 0;
                    d.passiveThreshold = 0;
                }
                if (m.passed != null && $Object.hasOwnProperty.call(m, "passed")) {
                    d.passed = m.passed;
                }
                if (m.challenge != null && $Object.hasOwnProperty.call(m, "challenge")) {
                    d.challenge = m.challenge;
                }
                if (m.score != null && $Object.hasOwnProperty.call(m, "score")) {
                    d.score = o.json && !$isFinite(m.score) ? $String(m.score) : m.score;
                }
                if (m.threshold != null && $Object.hasOwnProperty.call(m, "threshold")) {
                    d.threshold = o.json && !$isFinite(m.threshold) ? $String(m.threshold) : m.threshold;
                }
                if (m.frames != null && $Object.hasOwnProperty.call(m, "frames")) {
                    d.frames = m.frames;
                }
                if (m.checksPassed && m.checksPassed.length) {
                    d.checksPassed = $Array(m.checksPassed.length);
                    for (var j = 0; j < m.checksPassed.length; ++j) {
                        d.checksPassed[j] = m.checksPassed[j];
                    }
                }
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason")) {
                    d.reason = m.reason;
                }
                if (m.passiveScore != null && $Object.hasOwnProperty.call(m, "passiveScore")) {
                    d.passiveScore = o.json && !$isFinite(m.passiveScore) ? $String(m.passiveScore) : m.passiveScore;
                }
                if (m.passiveThreshold != null && $Object.hasOwnProperty.call(m, "passiveThreshold")) {
                    d.passiveThreshold = o.json && !$isFinite(m.passiveThreshold) ? $String(m.passiveThreshold) : m.passiveThreshold;
                }
                return d;
            };

            /**
             * Converts this LivenessEvidence to JSON.
             * @function toJSON
             * @memberof fareader.v1.LivenessEvidence
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            LivenessEvidence.prototype.toJSON = function() {
                return LivenessEvidence.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for LivenessEvidence
             * @function getTypeUrl
             * @memberof fareader.v1.LivenessEvidence
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            LivenessEvidence.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fareader.v1.LivenessEvidence";
            };

            return LivenessEvidence;
        })();

        v1.FaceEvidence = (function() {

            /**
             * Properties of a FaceEvidence.
             * @typedef {Object} fareader.v1.FaceEvidence.$Properties
             * @property {number|null} [score] FaceEvidence score
             * @property {number|null} [threshold] FaceEvidence threshold
             * @property {string|null} [matcher] FaceEvidence matcher
             * @property {number|null} [attempts] FaceEvidence attempts
             * @property {fareader.v1.LivenessEvidence.$Properties|null} [liveness] FaceEvidence liveness
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a FaceEvidence.
             * @memberof fareader.v1
             * @interface IFaceEvidence
             * @augments fareader.v1.FaceEvidence.$Properties
             * @deprecated Use fareader.v1.FaceEvidence.$Properties instead.
             */

            /**
             * Shape of a FaceEvidence.
             * @typedef {fareader.v1.FaceEvidence.$Properties} fareader.v1.FaceEvidence.$Shape
             */

            /**
             * Constructs a new FaceEvidence.
             * @memberof fareader.v1
             * @classdesc Represents a FaceEvidence.
             * @constructor
             * @param {fareader.v1.FaceEvidence.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const FaceEvidence = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * FaceEvidence score.
             * @member {number} score
             * @memberof fareader.v1.FaceEvidence
             * @instance
             */
            FaceEvidence.prototype.score = 0;

            /**
             * FaceEvidence threshold.
             * @member {number} threshold
             * @memberof fareader.v1.FaceEvidence
             * @instance
             */
            FaceEvidence.prototype.threshold = 0;

            /**
             * FaceEvidence matcher.
             * @member {string} matcher
             * @memberof fareader.v1.FaceEvidence
             * @instance
             */
            FaceEvidence.prototype.matcher = "";

            /**
             * FaceEvidence attempts.
             * @member {number} attempts
             * @memberof fareader.v1.FaceEvidence
             * @instance
             */
            FaceEvidence.prototype.attempts = 0;

            /**
             * FaceEvidence liveness.
             * @member {fareader.v1.LivenessEvidence.$Properties|null|undefined} liveness
             * @memberof fareader.v1.FaceEvidence
             * @instance
             */
            FaceEvidence.prototype.liveness = null;

            /**
             * Creates a new FaceEvidence instance using the specified properties.
             * @function create
             * @memberof fareader.v1.FaceEvidence
             * @static
             * @param {fareader.v1.FaceEvidence.$Properties=} [properties] Properties to set
             * @returns {fareader.v1.FaceEvidence} FaceEvidence instance
             * @type {{
             *   (properties: fareader.v1.FaceEvidence.$Shape): fareader.v1.FaceEvidence & fareader.v1.FaceEvidence.$Shape;
             *   (properties?: fareader.v1.FaceEvidence.$Properties): fareader.v1.FaceEvidence;
             * }}
             */
            FaceEvidence.create = function(properties) {
                return new FaceEvidence(properties);
            };

            /**
             * Encodes the specified FaceEvidence message. Does not implicitly {@link fareader.v1.FaceEvidence.verify|verify} messages.
             * @function encode
             * @memberof fareader.v1.FaceEvidence
             * @static
             * @param {fareader.v1.FaceEvidence.$Properties} m FaceEvidence message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            FaceEvidence.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.score != null && $Object.hasOwnProperty.call(m, "score") && !$Object.is(m.score, 0))
                    w.uint32(/* id 1, wireType 5 =*/13).float(m.score);
                if (m.threshold != null && $Object.hasOwnProperty.call(m, "threshold") && !$Object.is(m.threshold, 0))
                    w.uint32(/* id 2, wireType 5 =*/21).float(m.threshold);
                if (m.matcher != null && $Object.hasOwnProperty.call(m, "matcher") && m.matcher !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.matcher);
                if (m.attempts != null && $Object.hasOwnProperty.call(m, "attempts") && m.attempts !== 0)
                    w.uint32(/* id 4, wireType 0 =*/32).uint32(m.attempts);
                if (m.liveness != null && $Object.hasOwnProperty.call(m, "liveness"))
                    $root.fareader.v1.LivenessEvidence.encode(m.liveness, w.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified FaceEvidence message, length delimited. Does not implicitly {@link fareader.v1.FaceEvidence.verify|verify} messages.
             * @function encodeDelimited
             * @memberof fareader.v1.FaceEvidence
             * @static
             * @param {fareader.v1.FaceEvidence.$Properties} message FaceEvidence message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            FaceEvidence.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a FaceEvidence message from the specified reader or buffer.
             * @function decode
             * @memberof fareader.v1.FaceEvidence
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {fareader.v1.FaceEvidence & fareader.v1.FaceEvidence.$Shape} FaceEvidence
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            FaceEvidence.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.fareader.v1.FaceEvidence();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 5)
                                break;
                            if (!$Object.is(v = r.float(), 0))
                                m.score = v;
                            else
                                delete m.score;
                            continue;
                        }
                    case 2: {
                            if (u !== 5)
                                break;
                            if (!$Object.is(v = r.float(), 0))
                                m.threshold = v;
                            else
                                delete m.threshold;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.matcher = v;
                            else
                                delete m.matcher;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.attempts = v;
                            else
                                delete m.attempts;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            m.liveness = $root.fareader.v1.LivenessEvidence.decode(r, r.size(), $undefined, q + 1, m.liveness);
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a FaceEvidence message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof fareader.v1.FaceEvidence
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {fareader.v1.FaceEvidence & fareader.v1.FaceEvidence.$Shape} FaceEvidence
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            FaceEvidence.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a FaceEvidence message.
             * @function verify
             * @memberof fareader.v1.FaceEvidence
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            FaceEvidence.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.score != null && $Object.hasOwnProperty.call(m, "score")) {
                    if (typeof m.score !== "number")
                        return "score: number expected";
                }
                if (m.threshold != null && $Object.hasOwnProperty.call(m, "threshold")) {
                    if (typeof m.threshold !== "number")
                        return "threshold: number expected";
                }
                if (m.matcher != null && $Object.hasOwnProperty.call(m, "matcher")) {
                    if (!$util.isString(m.matcher))
                        return "matcher: string expected";
                }
                if (m.attempts != null && $Object.hasOwnProperty.call(m, "attempts")) {
                    if (!$util.isInteger(m.attempts))
                        return "attempts: integer expected";
                }
                if (m.liveness != null && $Object.hasOwnProperty.call(m, "liveness")) {
                    {
                        var e = $root.fareader.v1.LivenessEvidence.verify(m.liveness, q + 1);
                        if (e)
                            return "liveness." + e;
                    }
                }
                return null;
            };

            /**
             * Creates a FaceEvidence message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof fareader.v1.FaceEvidence
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {fareader.v1.FaceEvidence} FaceEvidence
             */
            FaceEvidence.fromObject = function (d, q) {
                if (d instanceof $root.fareader.v1.FaceEvidence)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".fareader.v1.FaceEvidence: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.fareader.v1.FaceEvidence();
                if (d.score != null) {
                    if (!$Object.is($Number(d.score), 0)) {
                        m.score = $Number(d.score);
                    }
                }
                if (d.threshold != null) {
                    if (!$Object.is($Number(d.threshold), 0)) {
                        m.threshold = $Number(d.threshold);
                    }
                }
                if (d.matcher != null) {
                    if (typeof d.matcher !== "string" || d.matcher.length) {
                        m.matcher = $String(d.matcher);
                    }
                }
                if (d.attempts != null) {
                    if ($Number(d.attempts) !== 0) {
                        m.attempts = d.attempts >>> 0;
                    }
                }
                if (d.liveness != null) {
                    if (!$util.isObject(d.liveness))
                        throw $TypeError(".fareader.v1.FaceEvidence.liveness: object expected");
                    m.liveness = $root.fareader.v1.LivenessEvidence.fromObject(d.liveness, q + 1);
                }
                return m;
            };

            /**
             * Creates a plain object from a FaceEvidence message. Also converts values to other types if specified.
             * @function toObject
             * @memberof fareader.v1.FaceEvidence
             * @static
             * @param {fareader.v1.FaceEvidence} m FaceEvidence
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            FaceEvidence.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.score = 0;
                    d.threshold = 0;
                    d.matcher = "";
                    d.attempts = 0;
                    d.liveness = null;
                }
                if (m.score != null && $Object.hasOwnProperty.call(m, "score")) {
                    d.score = o.json && !$isFinite(m.score) ? $String(m.score) : m.score;
                }
                if (m.threshold != null && $Object.hasOwnProperty.call(m, "threshold")) {
                    d.threshold = o.json && !$isFinite(m.threshold) ? $String(m.threshold) : m.threshold;
                }
                if (m.matcher != null && $Object.hasOwnProperty.call(m, "matcher")) {
                    d.matcher = m.matcher;
                }
                if (m.attempts != null && $Object.hasOwnProperty.call(m, "attempts")) {
                    d.attempts = m.attempts;
                }
                if (m.liveness != null && $Object.hasOwnProperty.call(m, "liveness")) {
                    d.liveness = $root.fareader.v1.LivenessEvidence.toObject(m.liveness, o, q + 1);
                }
                return d;
            };

            /**
             * Converts this FaceEvidence to JSON.
             * @function toJSON
             * @memberof fareader.v1.FaceEvidence
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            FaceEvidence.prototype.toJSON = function() {
                return FaceEvidence.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for FaceEvidence
             * @function getTypeUrl
             * @memberof fareader.v1.FaceEvidence
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            FaceEvidence.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fareader.v1.FaceEvidence";
            };

            return FaceEvidence;
        })();

        v1.PinEvidence = (function() {

            /**
             * Properties of a PinEvidence.
             * @typedef {Object} fareader.v1.PinEvidence.$Properties
             * @property {Uint8Array|null} [cardSignature] PinEvidence cardSignature
             * @property {Uint8Array|null} [signedDigest] PinEvidence signedDigest
             * @property {string|null} [algorithm] PinEvidence algorithm
             * @property {number|null} [triesLeftBefore] PinEvidence triesLeftBefore
             * @property {boolean|null} [lastTryConfirmed] PinEvidence lastTryConfirmed
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PinEvidence.
             * @memberof fareader.v1
             * @interface IPinEvidence
             * @augments fareader.v1.PinEvidence.$Properties
             * @deprecated Use fareader.v1.PinEvidence.$Properties instead.
             */

            /**
             * Shape of a PinEvidence.
             * @typedef {fareader.v1.PinEvidence.$Properties} fareader.v1.PinEvidence.$Shape
             */

            /**
             * Constructs a new PinEvidence.
             * @memberof fareader.v1
             * @classdesc Represents a PinEvidence.
             * @constructor
             * @param {fareader.v1.PinEvidence.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PinEvidence = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * PinEvidence cardSignature.
             * @member {Uint8Array} cardSignature
             * @memberof fareader.v1.PinEvidence
             * @instance
             */
            PinEvidence.prototype.cardSignature = $util.newBuffer([]);

            /**
             * PinEvidence signedDigest.
             * @member {Uint8Array} signedDigest
             * @memberof fareader.v1.PinEvidence
             * @instance
             */
            PinEvidence.prototype.signedDigest = $util.newBuffer([]);

            /**
             * PinEvidence algorithm.
             * @member {string} algorithm
             * @memberof fareader.v1.PinEvidence
             * @instance
             */
            PinEvidence.prototype.algorithm = "";

            /**
             * PinEvidence triesLeftBefore.
             * @member {number} triesLeftBefore
             * @memberof fareader.v1.PinEvidence
             * @instance
             */
            PinEvidence.prototype.triesLeftBefore = 0;

            /**
             * PinEvidence lastTryConfirmed.
             * @member {boolean} lastTryConfirmed
             * @memberof fareader.v1.PinEvidence
             * @instance
             */
            PinEvidence.prototype.lastTryConfirmed = false;

            /**
             * Creates a new PinEvidence instance using the specified properties.
             * @function create
             * @memberof fareader.v1.PinEvidence
             * @static
             * @param {fareader.v1.PinEvidence.$Properties=} [properties] Properties to set
             * @returns {fareader.v1.PinEvidence} PinEvidence instance
             * @type {{
             *   (properties: fareader.v1.PinEvidence.$Shape): fareader.v1.PinEvidence & fareader.v1.PinEvidence.$Shape;
             *   (properties?: fareader.v1.PinEvidence.$Properties): fareader.v1.PinEvidence;
             * }}
             */
            PinEvidence.create = function(properties) {
                return new PinEvidence(properties);
            };

            /**
             * Encodes the specified PinEvidence message. Does not implicitly {@link fareader.v1.PinEvidence.verify|verify} messages.
             * @function encode
             * @memberof fareader.v1.PinEvidence
             * @static
             * @param {fareader.v1.PinEvidence.$Properties} m PinEvidence message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PinEvidence.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.cardSignature != null && $Object.hasOwnProperty.call(m, "cardSignature") && m.cardSignature.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.cardSignature);
                if (m.signedDigest != null && $Object.hasOwnProperty.call(m, "signedDigest") && m.signedDigest.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.signedDigest);
                if (m.algorithm != null && $Object.hasOwnProperty.call(m, "algorithm") && m.algorithm !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.algorithm);
                if (m.triesLeftBefore != null && $Object.hasOwnProperty.call(m, "triesLeftBefore") && m.triesLeftBefore !== 0)
                    w.uint32(/* id 4, wireType 0 =*/32).uint32(m.triesLeftBefore);
                if (m.lastTryConfirmed != null && $Object.hasOwnProperty.call(m, "lastTryConfirmed") && m.lastTryConfirmed !== false)
                    w.uint32(/* id 5, wireType 0 =*/40).bool(m.lastTryConfirmed);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified PinEvidence message, length delimited. Does not implicitly {@link fareader.v1.PinEvidence.verify|verify} messages.
             * @function encodeDelimited
             * @memberof fareader.v1.PinEvidence
             * @static
             * @param {fareader.v1.PinEvidence.$Properties} message PinEvidence message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PinEvidence.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a PinEvidence message from the specified reader or buffer.
             * @function decode
             * @memberof fareader.v1.PinEvidence
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {fareader.v1.PinEvidence & fareader.v1.PinEvidence.$Shape} PinEvidence
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PinEvidence.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.fareader.v1.PinEvidence();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.cardSignature = v;
                            else
                                delete m.cardSignature;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.signedDigest = v;
                            else
                                delete m.signedDigest;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.algorithm = v;
                            else
                                delete m.algorithm;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.triesLeftBefore = v;
                            else
                                delete m.triesLeftBefore;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.lastTryConfirmed = v;
                            else
                                delete m.lastTryConfirmed;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a PinEvidence message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof fareader.v1.PinEvidence
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {fareader.v1.PinEvidence & fareader.v1.PinEvidence.$Shape} PinEvidence
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PinEvidence.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a PinEvidence message.
             * @function verify
             * @memberof fareader.v1.PinEvidence
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            PinEvidence.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.cardSignature != null && $Object.hasOwnProperty.call(m, "cardSignature")) {
                    if (!(m.cardSignature && typeof m.cardSignature.length === "number" || $util.isString(m.cardSignature)))
                        return "cardSignature: buffer expected";
                }
                if (m.signedDigest != null && $Object.hasOwnProperty.call(m, "signedDigest")) {
                    if (!(m.signedDigest && typeof m.signedDigest.length === "number" || $util.isString(m.signedDigest)))
                        return "signedDigest: buffer expected";
                }
                if (m.algorithm != null && $Object.hasOwnProperty.call(m, "algorithm")) {
                    if (!$util.isString(m.algorithm))
                        return "algorithm: string expected";
                }
                if (m.triesLeftBefore != null && $Object.hasOwnProperty.call(m, "triesLeftBefore")) {
                    if (!$util.isInteger(m.triesLeftBefore))
                        return "triesLeftBefore: integer expected";
                }
                if (m.lastTryConfirmed != null && $Object.hasOwnProperty.call(m, "lastTryConfirmed")) {
                    if (typeof m.lastTryConfirmed !== "boolean")
                        return "lastTryConfirmed: boolean expected";
                }
                return null;
            };

            /**
             * Creates a PinEvidence message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof fareader.v1.PinEvidence
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {fareader.v1.PinEvidence} PinEvidence
             */
            PinEvidence.fromObject = function (d, q) {
                if (d instanceof $root.fareader.v1.PinEvidence)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".fareader.v1.PinEvidence: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.fareader.v1.PinEvidence();
                if (d.cardSignature != null) {
                    if (d.cardSignature.length) {
                        if (typeof d.cardSignature === "string")
                            $util.base64.decode(d.cardSignature, m.cardSignature = $util.newBuffer($util.base64.length(d.cardSignature)), 0);
                        else if (d.cardSignature.length >= 0)
                            m.cardSignature = d.cardSignature;
                    }
                }
                if (d.signedDigest != null) {
                    if (d.signedDigest.length) {
                        if (typeof d.signedDigest === "string")
                            $util.base64.decode(d.signedDigest, m.signedDigest = $util.newBuffer($util.base64.length(d.signedDigest)), 0);
                        else if (d.signedDigest.length >= 0)
                            m.signedDigest = d.signedDigest;
                    }
                }
                if (d.algorithm != null) {
                    if (typeof d.algorithm !== "string" || d.algorithm.length) {
                        m.algorithm = $String(d.algorithm);
                    }
                }
                if (d.triesLeftBefore != null) {
                    if ($Number(d.triesLeftBefore) !== 0) {
                        m.triesLeftBefore = d.triesLeftBefore >>> 0;
                    }
                }
                if (d.lastTryConfirmed != null) {
                    if (d.lastTryConfirmed) {
                        m.lastTryConfirmed = $Boolean(d.lastTryConfirmed);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a PinEvidence message. Also converts values to other types if specified.
             * @function toObject
             * @memberof fareader.v1.PinEvidence
             * @static
             * @param {fareader.v1.PinEvidence} m PinEvidence
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PinEvidence.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if (o.bytes === $String)
                        d.cardSignature = "";
                    else {
                        d.cardSignature = [];
                        if (o.bytes !== $Array)
                            d.cardSignature = $util.newBuffer(d.cardSignature);
                    }
                    if (o.bytes === $String)
                        d.signedDigest = "";
                    else {
                        d.signedDigest = [];
                        if (o.bytes !== $Array)
                            d.signedDigest = $util.newBuffer(d.signedDigest);
                    }
                    d.algorithm = "";
                    d.triesLeftBefore = 0;
                    d.lastTryConfirmed = false;
                }
                if (m.cardSignature != null && $Object.hasOwnProperty.call(m, "cardSignature")) {
                    d.cardSignature = o.bytes === $String ? $util.base64.encode(m.cardSignature, 0, m.cardSignature.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.cardSignature) : m.cardSignature;
                }
                if (m.signedDigest != null && $Object.hasOwnProperty.call(m, "signedDigest")) {
                    d.signedDigest = o.bytes === $String ? $util.base64.encode(m.signedDigest, 0, m.signedDigest.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.signedDigest) : m.signedDigest;
                }
                if (m.algorithm != null && $Object.hasOwnProperty.call(m, "algorithm")) {
                    d.algorithm = m.algorithm;
                }
                if (m.triesLeftBefore != null && $Object.hasOwnProperty.call(m, "triesLeftBefore")) {
                    d.triesLeftBefore = m.triesLeftBefore;
                }
                if (m.lastTryConfirmed != null && $Object.hasOwnProperty.call(m, "lastTryConfirmed")) {
                    d.lastTryConfirmed = m.lastTryConfirmed;
                }
                return d;
            };

            /**
             * Converts this PinEvidence to JSON.
             * @function toJSON
             * @memberof fareader.v1.PinEvidence
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PinEvidence.prototype.toJSON = function() {
                return PinEvidence.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for PinEvidence
             * @function getTypeUrl
             * @memberof fareader.v1.PinEvidence
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PinEvidence.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fareader.v1.PinEvidence";
            };

            return PinEvidence;
        })();

        v1.VisualCheckEvidence = (function() {

            /**
             * Properties of a VisualCheckEvidence.
             * @typedef {Object} fareader.v1.VisualCheckEvidence.$Properties
             * @property {Uint8Array|null} [enablingCommandId] VisualCheckEvidence enablingCommandId
             * @property {string|null} [staffId] VisualCheckEvidence staffId
             * @property {boolean|null} [confirmed] VisualCheckEvidence confirmed
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a VisualCheckEvidence.
             * @memberof fareader.v1
             * @interface IVisualCheckEvidence
             * @augments fareader.v1.VisualCheckEvidence.$Properties
             * @deprecated Use fareader.v1.VisualCheckEvidence.$Properties instead.
             */

            /**
             * Shape of a VisualCheckEvidence.
             * @typedef {fareader.v1.VisualCheckEvidence.$Properties} fareader.v1.VisualCheckEvidence.$Shape
             */

            /**
             * Constructs a new VisualCheckEvidence.
             * @memberof fareader.v1
             * @classdesc Represents a VisualCheckEvidence.
             * @constructor
             * @param {fareader.v1.VisualCheckEvidence.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const VisualCheckEvidence = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * VisualCheckEvidence enablingCommandId.
             * @member {Uint8Array} enablingCommandId
             * @memberof fareader.v1.VisualCheckEvidence
             * @instance
             */
            VisualCheckEvidence.prototype.enablingCommandId = $util.newBuffer([]);

            /**
             * VisualCheckEvidence staffId.
             * @member {string} staffId
             * @memberof fareader.v1.VisualCheckEvidence
             * @instance
             */
            VisualCheckEvidence.prototype.staffId = "";

            /**
             * VisualCheckEvidence confirmed.
             * @member {boolean} confirmed
             * @memberof fareader.v1.VisualCheckEvidence
             * @instance
             */
            VisualCheckEvidence.prototype.confirmed = false;

            /**
             * Creates a new VisualCheckEvidence instance using the specified properties.
             * @function create
             * @memberof fareader.v1.VisualCheckEvidence
             * @static
             * @param {fareader.v1.VisualCheckEvidence.$Properties=} [properties] Properties to set
             * @returns {fareader.v1.VisualCheckEvidence} VisualCheckEvidence instance
             * @type {{
             *   (properties: fareader.v1.VisualCheckEvidence.$Shape): fareader.v1.VisualCheckEvidence & fareader.v1.VisualCheckEvidence.$Shape;
             *   (properties?: fareader.v1.VisualCheckEvidence.$Properties): fareader.v1.VisualCheckEvidence;
             * }}
             */
            VisualCheckEvidence.create = function(properties) {
                return new VisualCheckEvidence(properties);
            };

            /**
             * Encodes the specified VisualCheckEvidence message. Does not implicitly {@link fareader.v1.VisualCheckEvidence.verify|verify} messages.
             * @function encode
             * @memberof fareader.v1.VisualCheckEvidence
             * @static
             * @param {fareader.v1.VisualCheckEvidence.$Properties} m VisualCheckEvidence message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            VisualCheckEvidence.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.enablingCommandId != null && $Object.hasOwnProperty.call(m, "enablingCommandId") && m.enablingCommandId.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.enablingCommandId);
                if (m.staffId != null && $Object.hasOwnProperty.call(m, "staffId") && m.staffId !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.staffId);
                if (m.confirmed != null && $Object.hasOwnProperty.call(m, "confirmed") && m.confirmed !== false)
                    w.uint32(/* id 3, wireType 0 =*/24).bool(m.confirmed);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified VisualCheckEvidence message, length delimited. Does not implicitly {@link fareader.v1.VisualCheckEvidence.verify|verify} messages.
             * @function encodeDelimited
             * @memberof fareader.v1.VisualCheckEvidence
             * @static
             * @param {fareader.v1.VisualCheckEvidence.$Properties} message VisualCheckEvidence message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            VisualCheckEvidence.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a VisualCheckEvidence message from the specified reader or buffer.
             * @function decode
             * @memberof fareader.v1.VisualCheckEvidence
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {fareader.v1.VisualCheckEvidence & fareader.v1.VisualCheckEvidence.$Shape} VisualCheckEvidence
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            VisualCheckEvidence.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.fareader.v1.VisualCheckEvidence();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.enablingCommandId = v;
                            else
                                delete m.enablingCommandId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.staffId = v;
                            else
                                delete m.staffId;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.confirmed = v;
                            else
                                delete m.confirmed;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a VisualCheckEvidence message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof fareader.v1.VisualCheckEvidence
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {fareader.v1.VisualCheckEvidence & fareader.v1.VisualCheckEvidence.$Shape} VisualCheckEvidence
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            VisualCheckEvidence.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a VisualCheckEvidence message.
             * @function verify
             * @memberof fareader.v1.VisualCheckEvidence
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            VisualCheckEvidence.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.enablingCommandId != null && $Object.hasOwnProperty.call(m, "enablingCommandId")) {
                    if (!(m.enablingCommandId && typeof m.enablingCommandId.length === "number" || $util.isString(m.enablingCommandId)))
                        return "enablingCommandId: buffer expected";
                }
                if (m.staffId != null && $Object.hasOwnProperty.call(m, "staffId")) {
                    if (!$util.isString(m.staffId))
                        return "staffId: string expected";
                }
                if (m.confirmed != null && $Object.hasOwnProperty.call(m, "confirmed")) {
                    if (typeof m.confirmed !== "boolean")
                        return "confirmed: boolean expected";
                }
                return null;
            };

            /**
             * Creates a VisualCheckEvidence message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof fareader.v1.VisualCheckEvidence
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {fareader.v1.VisualCheckEvidence} VisualCheckEvidence
             */
            VisualCheckEvidence.fromObject = function (d, q) {
                if (d instanceof $root.fareader.v1.VisualCheckEvidence)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".fareader.v1.VisualCheckEvidence: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.fareader.v1.VisualCheckEvidence();
                if (d.enablingCommandId != null) {
                    if (d.enablingCommandId.length) {
                        if (typeof d.enablingCommandId === "string")
                            $util.base64.decode(d.enablingCommandId, m.enablingCommandId = $util.newBuffer($util.base64.length(d.enablingCommandId)), 0);
                        else if (d.enablingCommandId.length >= 0)
                            m.enablingCommandId = d.enablingCommandId;
                    }
                }
                if (d.staffId != null) {
                    if (typeof d.staffId !== "string" || d.staffId.length) {
                        m.staffId = $String(d.staffId);
                    }
                }
                if (d.confirmed != null) {
                    if (d.confirmed) {
                        m.confirmed = $Boolean(d.confirmed);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a VisualCheckEvidence message. Also converts values to other types if specified.
             * @function toObject
             * @memberof fareader.v1.VisualCheckEvidence
             * @static
             * @param {fareader.v1.VisualCheckEvidence} m VisualCheckEvidence
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            VisualCheckEvidence.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if (o.bytes === $String)
                        d.enablingCommandId = "";
                    else {
                        d.enablingCommandId = [];
                        if (o.bytes !== $Array)
                            d.enablingCommandId = $util.newBuffer(d.enablingCommandId);
                    }
                    d.staffId = "";
                    d.confirmed = false;
                }
                if (m.enablingCommandId != null && $Object.hasOwnProperty.call(m, "enablingCommandId")) {
                    d.enablingCommandId = o.bytes === $String ? $util.base64.encode(m.enablingCommandId, 0, m.enablingCommandId.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.enablingCommandId) : m.enablingCommandId;
                }
                if (m.staffId != null && $Object.hasOwnProperty.call(m, "staffId")) {
                    d.staffId = m.staffId;
                }
                if (m.confirmed != null && $Object.hasOwnProperty.call(m, "confirmed")) {
                    d.confirmed = m.confirmed;
                }
                return d;
            };

            /**
             * Converts this VisualCheckEvidence to JSON.
             * @function toJSON
             * @memberof fareader.v1.VisualCheckEvidence
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            VisualCheckEvidence.prototype.toJSON = function() {
                return VisualCheckEvidence.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for VisualCheckEvidence
             * @function getTypeUrl
             * @memberof fareader.v1.VisualCheckEvidence
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            VisualCheckEvidence.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fareader.v1.VisualCheckEvidence";
            };

            return VisualCheckEvidence;
        })();

        v1.Consent = (function() {

            /**
             * Properties of a Consent.
             * @typedef {Object} fareader.v1.Consent.$Properties
             * @property {fareader.v1.ConsentKind|null} [kind] Consent kind
             * @property {boolean|null} [granted] Consent granted
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Consent.
             * @memberof fareader.v1
             * @interface IConsent
             * @augments fareader.v1.Consent.$Properties
             * @deprecated Use fareader.v1.Consent.$Properties instead.
             */

            /**
             * Shape of a Consent.
             * @typedef {fareader.v1.Consent.$Properties} fareader.v1.Consent.$Shape
             */

            /**
             * Constructs a new Consent.
             * @memberof fareader.v1
             * @classdesc Represents a Consent.
             * @constructor
             * @param {fareader.v1.Consent.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Consent = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Consent kind.
             * @member {fareader.v1.ConsentKind} kind
             * @memberof fareader.v1.Consent
             * @instance
             */
            Consent.prototype.kind = 0;

            /**
             * Consent granted.
             * @member {boolean} granted
             * @memberof fareader.v1.Consent
             * @instance
             */
            Consent.prototype.granted = false;

            /**
             * Creates a new Consent instance using the specified properties.
             * @function create
             * @memberof fareader.v1.Consent
             * @static
             * @param {fareader.v1.Consent.$Properties=} [properties] Properties to set
             * @returns {fareader.v1.Consent} Consent instance
             * @type {{
             *   (properties: fareader.v1.Consent.$Shape): fareader.v1.Consent & fareader.v1.Consent.$Shape;
             *   (properties?: fareader.v1.Consent.$Properties): fareader.v1.Consent;
             * }}
             */
            Consent.create = function(properties) {
                return new Consent(properties);
            };

            /**
             * Encodes the specified Consent message. Does not implicitly {@link fareader.v1.Consent.verify|verify} messages.
             * @function encode
             * @memberof fareader.v1.Consent
             * @static
             * @param {fareader.v1.Consent.$Properties} m Consent message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Consent.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind") && m.kind !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).int32(m.kind);
                if (m.granted != null && $Object.hasOwnProperty.call(m, "granted") && m.granted !== false)
                    w.uint32(/* id 2, wireType 0 =*/16).bool(m.granted);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified Consent message, length delimited. Does not implicitly {@link fareader.v1.Consent.verify|verify} messages.
             * @function encodeDelimited
             * @memberof fareader.v1.Consent
             * @static
             * @param {fareader.v1.Consent.$Properties} message Consent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Consent.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Consent message from the specified reader or buffer.
             * @function decode
             * @memberof fareader.v1.Consent
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {fareader.v1.Consent & fareader.v1.Consent.$Shape} Consent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Consent.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.fareader.v1.Consent();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.kind = v;
                            else
                                delete m.kind;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.granted = v;
                            else
                                delete m.granted;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a Consent message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof fareader.v1.Consent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {fareader.v1.Consent & fareader.v1.Consent.$Shape} Consent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Consent.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Consent message.
             * @function verify
             * @memberof fareader.v1.Consent
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Consent.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind")) {
                    if (typeof m.kind !== "number" || (m.kind | 0) !== m.kind)
                        return "kind: enum value expected";
                }
                if (m.granted != null && $Object.hasOwnProperty.call(m, "granted")) {
                    if (typeof m.granted !== "boolean")
                        return "granted: boolean expected";
                }
                return null;
            };

            /**
             * Creates a Consent message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof fareader.v1.Consent
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {fareader.v1.Consent} Consent
             */
            Consent.fromObject = function (d, q) {
                if (d instanceof $root.fareader.v1.Consent)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".fareader.v1.Consent: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.fareader.v1.Consent();
                if (d.kind !== 0 && (typeof d.kind !== "string" || $root.fareader.v1.ConsentKind[d.kind] !== 0)) {
                    switch (d.kind) {
                    case "CONSENT_KIND_UNSPECIFIED":
                    case 0:
                        m.kind = 0;
                        break;
                    case "CONSENT_KIND_MEDICATION":
                    case 1:
                        m.kind = 1;
                        break;
                    case "CONSENT_KIND_HEALTH_CHECKUP":
                    case 2:
                        m.kind = 2;
                        break;
                    case "CONSENT_KIND_MEDICAL_TREATMENT":
                    case 3:
                        m.kind = 3;
                        break;
                    case "CONSENT_KIND_SURGERY":
                    case 4:
                        m.kind = 4;
                        break;
                    case "CONSENT_KIND_HIGH_COST_LIMIT":
                    case 5:
                        m.kind = 5;
                        break;
                    default:
                        if (typeof d.kind === "number" && (d.kind | 0) === d.kind)
                            m.kind = d.kind;
                    }
                }
                if (d.granted != null) {
                    if (d.granted) {
                        m.granted = $Boolean(d.granted);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a Consent message. Also converts values to other types if specified.
             * @function toObject
             * @memberof fareader.v1.Consent
             * @static
             * @param {fareader.v1.Consent} m Consent
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Consent.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.kind = o.enums === $String ? "CONSENT_KIND_UNSPECIFIED" : 0;
                    d.granted = false;
                }
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind")) {
                    d.kind = o.enums === $String ? $root.fareader.v1.ConsentKind[m.kind] === $undefined ? m.kind : $root.fareader.v1.ConsentKind[m.kind] : m.kind;
                }
                if (m.granted != null && $Object.hasOwnProperty.call(m, "granted")) {
                    d.granted = m.granted;
                }
                return d;
            };

            /**
             * Converts this Consent to JSON.
             * @function toJSON
             * @memberof fareader.v1.Consent
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Consent.prototype.toJSON = function() {
                return Consent.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Consent
             * @function getTypeUrl
             * @memberof fareader.v1.Consent
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Consent.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fareader.v1.Consent";
            };

            return Consent;
        })();

        v1.StageTiming = (function() {

            /**
             * Properties of a StageTiming.
             * @typedef {Object} fareader.v1.StageTiming.$Properties
             * @property {fareader.v1.Stage|null} [stage] StageTiming stage
             * @property {number|null} [durationMs] StageTiming durationMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a StageTiming.
             * @memberof fareader.v1
             * @interface IStageTiming
             * @augments fareader.v1.StageTiming.$Properties
             * @deprecated Use fareader.v1.StageTiming.$Properties instead.
             */

            /**
             * Shape of a StageTiming.
             * @typedef {fareader.v1.StageTiming.$Properties} fareader.v1.StageTiming.$Shape
             */

            /**
             * Constructs a new StageTiming.
             * @memberof fareader.v1
             * @classdesc Represents a StageTiming.
             * @constructor
             * @param {fareader.v1.StageTiming.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const StageTiming = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * StageTiming stage.
             * @member {fareader.v1.Stage} stage
             * @memberof fareader.v1.StageTiming
             * @instance
             */
            StageTiming.prototype.stage = 0;

            /**
             * StageTiming durationMs.
             * @member {number} durationMs
             * @memberof fareader.v1.StageTiming
             * @instance
             */
            StageTiming.prototype.durationMs = 0;

            /**
             * Creates a new StageTiming instance using the specified properties.
             * @function create
             * @memberof fareader.v1.StageTiming
             * @static
             * @param {fareader.v1.StageTiming.$Properties=} [properties] Properties to set
             * @returns {fareader.v1.StageTiming} StageTiming instance
             * @type {{
             *   (properties: fareader.v1.StageTiming.$Shape): fareader.v1.StageTiming & fareader.v1.StageTiming.$Shape;
             *   (properties?: fareader.v1.StageTiming.$Properties): fareader.v1.StageTiming;
             * }}
             */
            StageTiming.create = function(properties) {
                return new StageTiming(properties);
            };

            /**
             * Encodes the specified StageTiming message. Does not implicitly {@link fareader.v1.StageTiming.verify|verify} messages.
             * @function encode
             * @memberof fareader.v1.StageTiming
             * @static
             * @param {fareader.v1.StageTiming.$Properties} m StageTiming message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StageTiming.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.stage != null && $Object.hasOwnProperty.call(m, "stage") && m.stage !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).int32(m.stage);
                if (m.durationMs != null && $Object.hasOwnProperty.call(m, "durationMs") && m.durationMs !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).uint32(m.durationMs);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified StageTiming message, length delimited. Does not implicitly {@link fareader.v1.StageTiming.verify|verify} messages.
             * @function encodeDelimited
             * @memberof fareader.v1.StageTiming
             * @static
             * @param {fareader.v1.StageTiming.$Properties} message StageTiming message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StageTiming.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a StageTiming message from the specified reader or buffer.
             * @function decode
             * @memberof fareader.v1.StageTiming
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {fareader.v1.StageTiming & fareader.v1.StageTiming.$Shape} StageTiming
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StageTiming.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.fareader.v1.StageTiming();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.stage = v;
                            else
                                delete m.stage;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.durationMs = v;
                            else
                                delete m.durationMs;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a StageTiming message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof fareader.v1.StageTiming
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {fareader.v1.StageTiming & fareader.v1.StageTiming.$Shape} StageTiming
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StageTiming.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a StageTiming message.
             * @function verify
             * @memberof fareader.v1.StageTiming
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            StageTiming.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.stage != null && $Object.hasOwnProperty.call(m, "stage")) {
                    if (typeof m.stage !== "number" || (m.stage | 0) !== m.stage)
                        return "stage: enum value expected";
                }
                if (m.durationMs != null && $Object.hasOwnProperty.call(m, "durationMs")) {
                    if (!$util.isInteger(m.durationMs))
                        return "durationMs: integer expected";
                }
                return null;
            };

            /**
             * Creates a StageTiming message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof fareader.v1.StageTiming
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {fareader.v1.StageTiming} StageTiming
             */
            StageTiming.fromObject = function (d, q) {
                if (d instanceof $root.fareader.v1.StageTiming)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".fareader.v1.StageTiming: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.fareader.v1.StageTiming();
                if (d.stage !== 0 && (typeof d.stage !== "string" || $root.fareader.v1.Stage[d.stage] !== 0)) {
                    switch (d.stage) {
                    case "STAGE_UNSPECIFIED":
                    case 0:
                        m.stage = 0;
                        break;
                    case "STAGE_CARD_READ":
                    case 1:
                        m.stage = 1;
                        break;
                    case "STAGE_CARD_FACE_READ":
                    case 2:
                        m.stage = 2;
                        break;
                    case "STAGE_PHOTO_READ":
                    case 3:
                        m.stage = 3;
                        break;
                    case "STAGE_CAPTURE_AND_MATCH":
                    case 4:
                        m.stage = 4;
                        break;
                    case "STAGE_PIN":
                    case 5:
                        m.stage = 5;
                        break;
                    case "STAGE_VISUAL_CHECK":
                    case 6:
                        m.stage = 6;
                        break;
                    case "STAGE_CONSENT":
                    case 7:
                        m.stage = 7;
                        break;
                    case "STAGE_SIGN_AND_PUBLISH":
                    case 8:
                        m.stage = 8;
                        break;
                    default:
                        if (typeof d.stage === "number" && (d.stage | 0) === d.stage)
                            m.stage = d.stage;
                    }
                }
                if (d.durationMs != null) {
                    if ($Number(d.durationMs) !== 0) {
                        m.durationMs = d.durationMs >>> 0;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a StageTiming message. Also converts values to other types if specified.
             * @function toObject
             * @memberof fareader.v1.StageTiming
             * @static
             * @param {fareader.v1.StageTiming} m StageTiming
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            StageTiming.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.stage = o.enums === $String ? "STAGE_UNSPECIFIED" : 0;
                    d.durationMs = 0;
                }
                if (m.stage != null && $Object.hasOwnProperty.call(m, "stage")) {
                    d.stage = o.enums === $String ? $root.fareader.v1.Stage[m.stage] === $undefined ? m.stage : $root.fareader.v1.Stage[m.stage] : m.stage;
                }
                if (m.durationMs != null && $Object.hasOwnProperty.call(m, "durationMs")) {
                    d.durationMs = m.durationMs;
                }
                return d;
            };

            /**
             * Converts this StageTiming to JSON.
             * @function toJSON
             * @memberof fareader.v1.StageTiming
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            StageTiming.prototype.toJSON = function() {
                return StageTiming.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for StageTiming
             * @function getTypeUrl
             * @memberof fareader.v1.StageTiming
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            StageTiming.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fareader.v1.StageTiming";
            };

            return StageTiming;
        })();

        v1.VerificationResult = (function() {

            /**
             * Properties of a VerificationResult.
             * @typedef {Object} fareader.v1.VerificationResult.$Properties
             * @property {string|null} [sessionId] VerificationResult sessionId
             * @property {string|null} [deviceId] VerificationResult deviceId
             * @property {number|Long|null} [counter] VerificationResult counter
             * @property {Uint8Array|null} [terminalNonce] VerificationResult terminalNonce
             * @property {fareader.v1.Method|null} [method] VerificationResult method
             * @property {fareader.v1.Outcome|null} [outcome] VerificationResult outcome
             * @property {Uint8Array|null} [userAuthCertificate] VerificationResult userAuthCertificate
             * @property {fareader.v1.FaceEvidence.$Properties|null} [face] VerificationResult face
             * @property {fareader.v1.PinEvidence.$Properties|null} [pin] VerificationResult pin
             * @property {fareader.v1.VisualCheckEvidence.$Properties|null} [visualCheck] VerificationResult visualCheck
             * @property {Array.<fareader.v1.Consent.$Properties>|null} [consents] VerificationResult consents
             * @property {Array.<fareader.v1.StageTiming.$Properties>|null} [timings] VerificationResult timings
             * @property {number|Long|null} [startedAtMs] VerificationResult startedAtMs
             * @property {number|Long|null} [finishedAtMs] VerificationResult finishedAtMs
             * @property {string|null} [detail] VerificationResult detail
             * @property {boolean|null} [linkTest] VerificationResult linkTest
             * @property {"face"|"pin"|"visualCheck"} [evidence] VerificationResult evidence
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a VerificationResult.
             * @memberof fareader.v1
             * @interface IVerificationResult
             * @augments fareader.v1.VerificationResult.$Properties
             * @deprecated Use fareader.v1.VerificationResult.$Properties instead.
             */

            /**
             * Narrowed shape of a VerificationResult.
             * @typedef {{
             *   sessionId?: string|null;
             *   deviceId?: string|null;
             *   counter?: number|Long|null;
             *   terminalNonce?: Uint8Array|null;
             *   method?: fareader.v1.Method|null;
             *   outcome?: fareader.v1.Outcome|null;
             *   userAuthCertificate?: Uint8Array|null;
             *   face?: fareader.v1.FaceEvidence.$Shape|null;
             *   pin?: fareader.v1.PinEvidence.$Shape|null;
             *   visualCheck?: fareader.v1.VisualCheckEvidence.$Shape|null;
             *   consents?: Array.<fareader.v1.Consent.$Shape>|null;
             *   timings?: Array.<fareader.v1.StageTiming.$Shape>|null;
             *   startedAtMs?: number|Long|null;
             *   finishedAtMs?: number|Long|null;
             *   detail?: string|null;
             *   linkTest?: boolean|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ evidence?: undefined; face?: null; pin?: null; visualCheck?: null }|{ evidence?: "face"; face: fareader.v1.FaceEvidence.$Shape; pin?: null; visualCheck?: null }|{ evidence?: "pin"; face?: null; pin: fareader.v1.PinEvidence.$Shape; visualCheck?: null }|{ evidence?: "visualCheck"; face?: null; pin?: null; visualCheck: fareader.v1.VisualCheckEvidence.$Shape })
             * )} fareader.v1.VerificationResult.$Shape
             */

            /**
             * Constructs a new VerificationResult.
             * @memberof fareader.v1
             * @classdesc Represents a VerificationResult.
             * @constructor
             * @param {fareader.v1.VerificationResult.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const VerificationResult = function (p) {
                this.consents = [];
                this.timings = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * VerificationResult sessionId.
             * @member {string} sessionId
             * @memberof fareader.v1.VerificationResult
             * @instance
             */
            VerificationResult.prototype.sessionId = "";

            /**
             * VerificationResult deviceId.
             * @member {string} deviceId
             * @memberof fareader.v1.VerificationResult
             * @instance
             */
            VerificationResult.prototype.deviceId = "";

            /**
             * VerificationResult counter.
             * @member {number|Long} counter
             * @memberof fareader.v1.VerificationResult
             * @instance
             */
            VerificationResult.prototype.counter = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * VerificationResult terminalNonce.
             * @member {Uint8Array} terminalNonce
             * @memberof fareader.v1.VerificationResult
             * @instance
             */
            VerificationResult.prototype.terminalNonce = $util.newBuffer([]);

            /**
             * VerificationResult method.
             * @member {fareader.v1.Method} method
             * @memberof fareader.v1.VerificationResult
             * @instance
             */
            VerificationResult.prototype.method = 0;

            /**
             * VerificationResult outcome.
             * @member {fareader.v1.Outcome} outcome
             * @memberof fareader.v1.VerificationResult
             * @instance
             */
            VerificationResult.prototype.outcome = 0;

            /**
             * VerificationResult userAuthCertificate.
             * @member {Uint8Array} userAuthCertificate
             * @memberof fareader.v1.VerificationResult
             * @instance
             */
            VerificationResult.prototype.userAuthCertificate = $util.newBuffer([]);

            /**
             * VerificationResult face.
             * @member {fareader.v1.FaceEvidence.$Properties|null|undefined} face
             * @memberof fareader.v1.VerificationResult
             * @instance
             */
            VerificationResult.prototype.face = null;

            /**
             * VerificationResult pin.
             * @member {fareader.v1.PinEvidence.$Properties|null|undefined} pin
             * @memberof fareader.v1.VerificationResult
             * @instance
             */
            VerificationResult.prototype.pin = null;

            /**
             * VerificationResult visualCheck.
             * @member {fareader.v1.VisualCheckEvidence.$Properties|null|undefined} visualCheck
             * @memberof fareader.v1.VerificationResult
             * @instance
             */
            VerificationResult.prototype.visualCheck = null;

            /**
             * VerificationResult consents.
             * @member {Array.<fareader.v1.Consent.$Properties>} consents
             * @memberof fareader.v1.VerificationResult
             * @instance
             */
            VerificationResult.prototype.consents = $util.emptyArray;

            /**
             * VerificationResult timings.
             * @member {Array.<fareader.v1.StageTiming.$Properties>} timings
             * @memberof fareader.v1.VerificationResult
             * @instance
             */
            VerificationResult.prototype.timings = $util.emptyArray;

            /**
             * VerificationResult startedAtMs.
             * @member {number|Long} startedAtMs
             * @memberof fareader.v1.VerificationResult
             * @instance
             */
            VerificationResult.prototype.startedAtMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * VerificationResult finishedAtMs.
             * @member {number|Long} finishedAtMs
             * @memberof fareader.v1.VerificationResult
             * @instance
             */
            VerificationResult.prototype.finishedAtMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * VerificationResult detail.
             * @member {string} detail
             * @memberof fareader.v1.VerificationResult
             * @instance
             */
            VerificationResult.prototype.detail = "";

            /**
             * VerificationResult linkTest.
             * @member {boolean} linkTest
             * @memberof fareader.v1.VerificationResult
             * @instance
             */
            VerificationResult.prototype.linkTest = false;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * VerificationResult evidence.
             * @member {"face"|"pin"|"visualCheck"|undefined} evidence
             * @memberof fareader.v1.VerificationResult
             * @instance
             */
            $Object.defineProperty(VerificationResult.prototype, "evidence", {
                get: $util.oneOfGetter($oneOfFields = ["face", "pin", "visualCheck"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new VerificationResult instance using the specified properties.
             * @function create
             * @memberof fareader.v1.VerificationResult
             * @static
             * @param {fareader.v1.VerificationResult.$Properties=} [properties] Properties to set
             * @returns {fareader.v1.VerificationResult} VerificationResult instance
             * @type {{
             *   (properties: fareader.v1.VerificationResult.$Shape): fareader.v1.VerificationResult & fareader.v1.VerificationResult.$Shape;
             *   (properties?: fareader.v1.VerificationResult.$Properties): fareader.v1.VerificationResult;
             * }}
             */
            VerificationResult.create = function(properties) {
                return new VerificationResult(properties);
            };

            /**
             * Encodes the specified VerificationResult message. Does not implicitly {@link fareader.v1.VerificationResult.verify|verify} messages.
             * @function encode
             * @memberof fareader.v1.VerificationResult
             * @static
             * @param {fareader.v1.VerificationResult.$Properties} m VerificationResult message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            VerificationResult.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.sessionId != null && $Object.hasOwnProperty.call(m, "sessionId") && m.sessionId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.sessionId);
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId") && m.deviceId !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.deviceId);
                if (m.counter != null && $Object.hasOwnProperty.call(m, "counter") && (typeof m.counter === "object" ? m.counter.low || m.counter.high : m.counter !== 0))
                    w.uint32(/* id 3, wireType 0 =*/24).uint64(m.counter);
                if (m.terminalNonce != null && $Object.hasOwnProperty.call(m, "terminalNonce") && m.terminalNonce.length)
                    w.uint32(/* id 4, wireType 2 =*/34).bytes(m.terminalNonce);
                if (m.method != null && $Object.hasOwnProperty.call(m, "method") && m.method !== 0)
                    w.uint32(/* id 5, wireType 0 =*/40).int32(m.method);
                if (m.outcome != null && $Object.hasOwnProperty.call(m, "outcome") && m.outcome !== 0)
                    w.uint32(/* id 6, wireType 0 =*/48).int32(m.outcome);
                if (m.userAuthCertificate != null && $Object.hasOwnProperty.call(m, "userAuthCertificate") && m.userAuthCertificate.length)
                    w.uint32(/* id 7, wireType 2 =*/58).bytes(m.userAuthCertificate);
                if (m.face != null && $Object.hasOwnProperty.call(m, "face"))
                    $root.fareader.v1.FaceEvidence.encode(m.face, w.uint32(/* id 8, wireType 2 =*/66).fork(), q + 1).ldelim();
                if (m.pin != null && $Object.hasOwnProperty.call(m, "pin"))
                    $root.fareader.v1.PinEvidence.encode(m.pin, w.uint32(/* id 9, wireType 2 =*/74).fork(), q + 1).ldelim();
                if (m.visualCheck != null && $Object.hasOwnProperty.call(m, "visualCheck"))
                    $root.fareader.v1.VisualCheckEvidence.encode(m.visualCheck, w.uint32(/* id 10, wireType 2 =*/82).fork(), q + 1).ldelim();
                if (m.consents != null && m.consents.length) {
                    for (var i = 0; i < m.consents.length; ++i)
                        $root.fareader.v1.Consent.encode(m.consents[i], w.uint32(/* id 11, wireType 2 =*/90).fork(), q + 1).ldelim();
                }
                if (m.timings != null && m.timings.length) {
                    for (var i = 0; i < m.timings.length; ++i)
                        $root.fareader.v1.StageTiming.encode(m.timings[i], w.uint32(/* id 12, wireType 2 =*/98).fork(), q + 1).ldelim();
                }
                if (m.startedAtMs != null && $Object.hasOwnProperty.call(m, "startedAtMs") && (typeof m.startedAtMs === "object" ? m.startedAtMs.low || m.startedAtMs.high : m.startedAtMs !== 0))
                    w.uint32(/* id 13, wireType 0 =*/104).uint64(m.startedAtMs);
                if (m.finishedAtMs != null && $Object.hasOwnProperty.call(m, "finishedAtMs") && (typeof m.finishedAtMs === "object" ? m.finishedAtMs.low || m.finishedAtMs.high : m.finishedAtMs !== 0))
                    w.uint32(/* id 14, wireType 0 =*/112).uint64(m.finishedAtMs);
                if (m.detail != null && $Object.hasOwnProperty.call(m, "detail") && m.detail !== "")
                    w.uint32(/* id 15, wireType 2 =*/122).string(m.detail);
                if (m.linkTest != null && $Object.hasOwnProperty.call(m, "linkTest") && m.linkTest !== false)
                    w.uint32(/* id 16, wireType 0 =*/128).bool(m.linkTest);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified VerificationResult message, length delimited. Does not implicitly {@link fareader.v1.VerificationResult.verify|verify} messages.
             * @function encodeDelimited
             * @memberof fareader.v1.VerificationResult
             * @static
             * @param {fareader.v1.VerificationResult.$Properties} message VerificationResult message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            VerificationResult.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a VerificationResult message from the specified reader or buffer.
             * @function decode
             * @memberof fareader.v1.VerificationResult
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {fareader.v1.VerificationResult & fareader.v1.VerificationResult.$Shape} VerificationResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            VerificationResult.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.fareader.v1.VerificationResult();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.sessionId = v;
                            else
                                delete m.sessionId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.deviceId = v;
                            else
                                delete m.deviceId;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.counter = v;
                            else
                                delete m.counter;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.terminalNonce = v;
                            else
                                delete m.terminalNonce;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.method = v;
                            else
                                delete m.method;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.outcome = v;
                            else
                                delete m.outcome;
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.userAuthCertificate = v;
                            else
                                delete m.userAuthCertificate;
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            m.face = $root.fareader.v1.FaceEvidence.decode(r, r.size(), $undefined, q + 1, m.face);
                            m.evidence = "face";
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            m.pin = $root.fareader.v1.PinEvidence.decode(r, r.size(), $undefined, q + 1, m.pin);
                            m.evidence = "pin";
                            continue;
                        }
                    case 10: {
                            if (u !== 2)
                                break;
                            m.visualCheck = $root.fareader.v1.VisualCheckEvidence.decode(r, r.size(), $undefined, q + 1, m.visualCheck);
                            m.evidence = "visualCheck";
                            continue;
                        }
                    case 11: {
                            if (u !== 2)
                                break;
                            if (!(m.consents && m.consents.length))
                                m.consents = [];
                            m.consents.push($root.fareader.v1.Consent.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 12: {
                            if (u !== 2)
                                break;
                            if (!(m.timings && m.timings.length))
                                m.timings = [];
                            m.timings.push($root.fareader.v1.StageTiming.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 13: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.startedAtMs = v;
                            else
                                delete m.startedAtMs;
                            continue;
                        }
                    case 14: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.finishedAtMs = v;
                            else
                                delete m.finishedAtMs;
                            continue;
                        }
                    case 15: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.detail = v;
                            else
                                delete m.detail;
                            continue;
                        }
                    case 16: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.linkTest = v;
                            else
                                delete m.linkTest;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a VerificationResult message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof fareader.v1.VerificationResult
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {fareader.v1.VerificationResult & fareader.v1.VerificationResult.$Shape} VerificationResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            VerificationResult.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a VerificationResult message.
             * @function verify
             * @memberof fareader.v1.VerificationResult
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            VerificationResult.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                var p = {};
                if (m.sessionId != null && $Object.hasOwnProperty.call(m, "sessionId")) {
                    if (!$util.isString(m.sessionId))
                        return "sessionId: string expected";
                }
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId")) {
                    if (!$util.isString(m.deviceId))
                        return "deviceId: string expected";
                }
                if (m.counter != null && $Object.hasOwnProperty.call(m, "counter")) {
                    if (!$util.isInteger(m.counter) && !(m.counter && $util.isInteger(m.counter.low) && $util.isInteger(m.counter.high)))
                        return "counter: integer|Long expected";
                }
                if (m.terminalNonce != null && $Object.hasOwnProperty.call(m, "terminalNonce")) {
                    if (!(m.terminalNonce && typeof m.terminalNonce.length === "number" || $util.isString(m.terminalNonce)))
                        return "terminalNonce: buffer expected";
                }
                if (m.method != null && $Object.hasOwnProperty.call(m, "method")) {
                    if (typeof m.method !== "number" || (m.method | 0) !== m.method)
                        return "method: enum value expected";
                }
                if (m.outcome != null && $Object.hasOwnProperty.call(m, "outcome")) {
                    if (typeof m.outcome !== "number" || (m.outcome | 0) !== m.outcome)
                        return "outcome: enum value expected";
                }
                if (m.userAuthCertificate != null && $Object.hasOwnProperty.call(m, "userAuthCertificate")) {
                    if (!(m.userAuthCertificate && typeof m.userAuthCertificate.length === "number" || $util.isString(m.userAuthCertificate)))
                        return "userAuthCertificate: buffer expected";
                }
                if (m.face != null && $Object.hasOwnProperty.call(m, "face")) {
                    p.evidence = 1;
                    {
                        var e = $root.fareader.v1.FaceEvidence.verify(m.face, q + 1);
                        if (e)
                            return "face." + e;
                    }
                }
                if (m.pin != null && $Object.hasOwnProperty.call(m, "pin")) {
                    if (p.evidence === 1)
                        return "evidence: multiple values";
                    p.evidence = 1;
                    {
                        var e = $root.fareader.v1.PinEvidence.verify(m.pin, q + 1);
                        if (e)
                            return "pin." + e;
                    }
                }
                if (m.visualCheck != null && $Object.hasOwnProperty.call(m, "visualCheck")) {
                    if (p.evidence === 1)
                        return "evidence: multiple values";
                    p.evidence = 1;
                    {
                        var e = $root.fareader.v1.VisualCheckEvidence.verify(m.visualCheck, q + 1);
                        if (e)
                            return "visualCheck." + e;
                    }
                }
                if (m.consents != null && $Object.hasOwnProperty.call(m, "consents")) {
                    if (!$Array.isArray(m.consents))
                        return "consents: array expected";
                    for (var i = 0; i < m.consents.length; ++i) {
                        {
                            var e = $root.fareader.v1.Consent.verify(m.consents[i], q + 1);
                            if (e)
                                return "consents." + e;
                        }
                    }
                }
                if (m.timings != null && $Object.hasOwnProperty.call(m, "timings")) {
                    if (!$Array.isArray(m.timings))
                        return "timings: array expected";
                    for (var i = 0; i < m.timings.length; ++i) {
                        {
                            var e = $root.fareader.v1.StageTiming.verify(m.timings[i], q + 1);
                            if (e)
                                return "timings." + e;
                        }
                    }
                }
                if (m.startedAtMs != null && $Object.hasOwnProperty.call(m, "startedAtMs")) {
                    if (!$util.isInteger(m.startedAtMs) && !(m.startedAtMs && $util.isInteger(m.startedAtMs.low) && $util.isInteger(m.startedAtMs.high)))
                        return "startedAtMs: integer|Long expected";
                }
                if (m.finishedAtMs != null && $Object.hasOwnProperty.call(m, "finishedAtMs")) {
                    if (!$util.isInteger(m.finishedAtMs) && !(m.finishedAtMs && $util.isInteger(m.finishedAtMs.low) && $util.isInteger(m.finishedAtMs.high)))
                        return "finishedAtMs: integer|Long expected";
                }
                if (m.detail != null && $Object.hasOwnProperty.call(m, "detail")) {
                    if (!$util.isString(m.detail))
                        return "detail: string expected";
                }
                if (m.linkTest != null && $Object.hasOwnProperty.call(m, "linkTest")) {
                    if (typeof m.linkTest !== "boolean")
                        return "linkTest: boolean expected";
                }
                return null;
            };

            /**
             * Creates a VerificationResult message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof fareader.v1.VerificationResult
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {fareader.v1.VerificationResult} VerificationResult
             */
            VerificationResult.fromObject = function (d, q) {
                if (d instanceof $root.fareader.v1.VerificationResult)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".fareader.v1.VerificationResult: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.fareader.v1.VerificationResult();
                if (d.sessionId != null) {
                    if (typeof d.sessionId !== "string" || d.sessionId.length) {
                        m.sessionId = $String(d.sessionId);
                    }
                }
                if (d.deviceId != null) {
                    if (typeof d.deviceId !== "string" || d.deviceId.length) {
                        m.deviceId = $String(d.deviceId);
                    }
                }
                if (d.counter != null) {
                    if (typeof d.counter === "object" ? d.counter.low || d.counter.high : $Number(d.counter) !== 0) {
                        if ($util.Long)
                            m.counter = $util.Long.fromValue(d.counter, true);
                        else if (typeof d.counter === "string")
                            m.counter = $parseInt(d.counter, 10);
                        else if (typeof d.counter === "number")
                            m.counter = d.counter;
                        else if (typeof d.counter === "object")
                            m.counter = new $util.LongBits(d.counter.low >>> 0, d.counter.high >>> 0).toNumber(true);
                    }
                }
                if (d.terminalNonce != null) {
                    if (d.terminalNonce.length) {
                        if (typeof d.terminalNonce === "string")
                            $util.base64.decode(d.terminalNonce, m.terminalNonce = $util.newBuffer($util.base64.length(d.terminalNonce)), 0);
                        else if (d.terminalNonce.length >= 0)
                            m.terminalNonce = d.terminalNonce;
                    }
                }
                if (d.method !== 0 && (typeof d.method !== "string" || $root.fareader.v1.Method[d.method] !== 0)) {
                    switch (d.method) {
                    case "METHOD_UNSPECIFIED":
                    case 0:
                        m.method = 0;
                        break;
                    case "METHOD_FACE":
                    case 1:
                        m.method = 1;
                        break;
                    case "METHOD_PIN":
                    case 2:
                        m.method = 2;
                        break;
                    case "METHOD_VISUAL_CHECK":
                    case 3:
                        m.method = 3;
                        break;
                    default:
                        if (typeof d.method === "number" && (d.method | 0) === d.method)
                            m.method = d.method;
                    }
                }
                if (d.outcome !== 0 && (typeof d.outcome !== "string" || $root.fareader.v1.Outcome[d.outcome] !== 0)) {
                    switch (d.outcome) {
                    case "OUTCOME_UNSPECIFIED":
                    case 0:
                        m.outcome = 0;
                        break;
                    case "OUTCOME_VERIFIED":
                    case 1:
                        m.outcome = 1;
                        break;
                    case "OUTCOME_FACE_NOT_MATCHED":
                    case 2:
                        m.outcome = 2;
                        break;
                    case "OUTCOME_LIVENESS_FAILED":
                    case 3:
                        m.outcome = 3;
                        break;
                    case "OUTCOME_PIN_WRONG":
                    case 4:
                        m.outcome = 4;
                        break;
                    case "OUTCOME_PIN_BLOCKED":
                    case 5:
                        m.outcome = 5;
                        break;
                    case "OUTCOME_CANCELLED_BY_PATIENT":
                    case 6:
                        m.outcome = 6;
                        break;
                    case "OUTCOME_CANCELLED_BY_TERMINAL":
                    case 7:
                        m.outcome = 7;
                        break;
                    case "OUTCOME_TIMED_OUT":
                    case 8:
                        m.outcome = 8;
                        break;
                    case "OUTCOME_CARD_REMOVED":
                    case 9:
                        m.outcome = 9;
                        break;
                    case "OUTCOME_CARD_ERROR":
                    case 10:
                        m.outcome = 10;
                        break;
                    case "OUTCOME_CARD_EXPIRED":
                    case 11:
                        m.outcome = 11;
                        break;
                    case "OUTCOME_CAMERA_ERROR":
                    case 12:
                        m.outcome = 12;
                        break;
                    case "OUTCOME_MODULE_ERROR":
                    case 13:
                        m.outcome = 13;
                        break;
                    case "OUTCOME_CARD_FACE_UNREADABLE":
                    case 14:
                        m.outcome = 14;
                        break;
                    case "OUTCOME_VISUAL_CHECK_REJECTED":
                    case 15:
                        m.outcome = 15;
                        break;
                    case "OUTCOME_INTERRUPTED":
                    case 16:
                        m.outcome = 16;
                        break;
                    default:
                        if (typeof d.outcome === "number" && (d.outcome | 0) === d.outcome)
                            m.outcome = d.outcome;
                    }
                }
                if (d.userAuthCertificate != null) {
                    if (d.userAuthCertificate.length) {
                        if (typeof d.userAuthCertificate === "string")
                            $util.base64.decode(d.userAuthCertificate, m.userAuthCertificate = $util.newBuffer($util.base64.length(d.userAuthCertificate)), 0);
                        else if (d.userAuthCertificate.length >= 0)
                            m.userAuthCertificate = d.userAuthCertificate;
                    }
                }
                if (d.face != null) {
                    if (!$util.isObject(d.face))
                        throw $TypeError(".fareader.v1.VerificationResult.face: object expected");
                    m.face = $root.fareader.v1.FaceEvidence.fromObject(d.face, q + 1);
                }
                if (d.pin != null) {
                    if (!$util.isObject(d.pin))
                        throw $TypeError(".fareader.v1.VerificationResult.pin: object expected");
                    m.pin = $root.fareader.v1.PinEvidence.fromObject(d.pin, q + 1);
                }
                if (d.visualCheck != null) {
                    if (!$util.isObject(d.visualCheck))
                        throw $TypeError(".fareader.v1.VerificationResult.visualCheck: object expected");
                    m.visualCheck = $root.fareader.v1.VisualCheckEvidence.fromObject(d.visualCheck, q + 1);
                }
                if (d.consents) {
                    if (!$Array.isArray(d.consents))
                        throw $TypeError(".fareader.v1.VerificationResult.consents: array expected");
                    m.consents = $Array(d.consents.length);
                    for (var i = 0; i < d.consents.length; ++i) {
                        if (!$util.isObject(d.consents[i]))
                            throw $TypeError(".fareader.v1.VerificationResult.consents: object expected");
                        m.consents[i] = $root.fareader.v1.Consent.fromObject(d.consents[i], q + 1);
                    }
                }
                if (d.timings) {
                    if (!$Array.isArray(d.timings))
                        throw $TypeError(".fareader.v1.VerificationResult.timings: array expected");
                    m.timings = $Array(d.timings.length);
                    for (var i = 0; i < d.timings.length; ++i) {
                        if (!$util.isObject(d.timings[i]))
                            throw $TypeError(".fareader.v1.VerificationResult.timings: object expected");
                        m.timings[i] = $root.fareader.v1.StageTiming.fromObject(d.timings[i], q + 1);
                    }
                }
                if (d.startedAtMs != null) {
                    if (typeof d.startedAtMs === "object" ? d.startedAtMs.low || d.startedAtMs.high : $Number(d.startedAtMs) !== 0) {
                        if ($util.Long)
                            m.startedAtMs = $util.Long.fromValue(d.startedAtMs, true);
                        else if (typeof d.startedAtMs === "string")
                            m.startedAtMs = $parseInt(d.startedAtMs, 10);
                        else if (typeof d.startedAtMs === "number")
                            m.startedAtMs = d.startedAtMs;
                        else if (typeof d.startedAtMs === "object")
                            m.startedAtMs = new $util.LongBits(d.startedAtMs.low >>> 0, d.startedAtMs.high >>> 0).toNumber(true);
                    }
                }
                if (d.finishedAtMs != null) {
                    if (typeof d.finishedAtMs === "object" ? d.finishedAtMs.low || d.finishedAtMs.high : $Number(d.finishedAtMs) !== 0) {
                        if ($util.Long)
                            m.finishedAtMs = $util.Long.fromValue(d.finishedAtMs, true);
                        else if (typeof d.finishedAtMs === "string")
                            m.finishedAtMs = $parseInt(d.finishedAtMs, 10);
                        else if (typeof d.finishedAtMs === "number")
                            m.finishedAtMs = d.finishedAtMs;
                        else if (typeof d.finishedAtMs === "object")
                            m.finishedAtMs = new $util.LongBits(d.finishedAtMs.low >>> 0, d.finishedAtMs.high >>> 0).toNumber(true);
                    }
                }
                if (d.detail != null) {
                    if (typeof d.detail !== "string" || d.detail.length) {
                        m.detail = $String(d.detail);
                    }
                }
                if (d.linkTest != null) {
                    if (d.linkTest) {
                        m.linkTest = $Boolean(d.linkTest);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a VerificationResult message. Also converts values to other types if specified.
             * @function toObject
             * @memberof fareader.v1.VerificationResult
             * @static
             * @param {fareader.v1.VerificationResult} m VerificationResult
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            VerificationResult.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.consents = [];
                    d.timings = [];
                }
                if (o.defaults) {
                    d.sessionId = "";
                    d.deviceId = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.counter = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.counter = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if (o.bytes === $String)
                        d.terminalNonce = "";
                    else {
                        d.terminalNonce = [];
                        if (o.bytes !== $Array)
                            d.terminalNonce = $util.newBuffer(d.terminalNonce);
                    }
                    d.method = o.enums === $String ? "METHOD_UNSPECIFIED" : 0;
                    d.outcome = o.enums === $String ? "OUTCOME_UNSPECIFIED" : 0;
                    if (o.bytes === $String)
                        d.userAuthCertificate = "";
                    else {
                        d.userAuthCertificate = [];
                        if (o.bytes !== $Array)
                            d.userAuthCertificate = $util.newBuffer(d.userAuthCertificate);
                    }
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.startedAtMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.startedAtMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.finishedAtMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.finishedAtMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.detail = "";
                    d.linkTest = false;
                }
                if (m.sessionId != null && $Object.hasOwnProperty.call(m, "sessionId")) {
                    d.sessionId = m.sessionId;
                }
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId")) {
                    d.deviceId = m.deviceId;
                }
                if (m.counter != null && $Object.hasOwnProperty.call(m, "counter")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.counter = typeof m.counter === "number" ? $BigInt(m.counter) : $util.Long.fromBits(m.counter.low >>> 0, m.counter.high >>> 0, true).toBigInt();
                    else if (typeof m.counter === "number")
                        d.counter = o.longs === $String ? $String(m.counter) : m.counter;
                    else
                        d.counter = o.longs === $String ? $util.Long.prototype.toString.call(m.counter) : o.longs === $Number ? new $util.LongBits(m.counter.low >>> 0, m.counter.high >>> 0).toNumber(true) : m.counter;
                }
                if (m.terminalNonce != null && $Object.hasOwnProperty.call(m, "terminalNonce")) {
                    d.terminalNonce = o.bytes === $String ? $util.base64.encode(m.terminalNonce, 0, m.terminalNonce.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.terminalNonce) : m.terminalNonce;
                }
                if (m.method != null && $Object.hasOwnProperty.call(m, "method")) {
                    d.method = o.enums === $String ? $root.fareader.v1.Method[m.method] === $undefined ? m.method : $root.fareader.v1.Method[m.method] : m.method;
                }
                if (m.outcome != null && $Object.hasOwnProperty.call(m, "outcome")) {
                    d.outcome = o.enums === $String ? $root.fareader.v1.Outcome[m.outcome] === $undefined ? m.outcome : $root.fareader.v1.Outcome[m.outcome] : m.outcome;
                }
                if (m.userAuthCertificate != null && $Object.hasOwnProperty.call(m, "userAuthCertificate")) {
                    d.userAuthCertificate = o.bytes === $String ? $util.base64.encode(m.userAuthCertificate, 0, m.userAuthCertificate.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.userAuthCertificate) : m.userAuthCertificate;
                }
                if (m.face != null && $Object.hasOwnProperty.call(m, "face")) {
                    d.face = $root.fareader.v1.FaceEvidence.toObject(m.face, o, q + 1);
                    if (o.oneofs)
                        d.evidence = "face";
                }
                if (m.pin != null && $Object.hasOwnProperty.call(m, "pin")) {
                    d.pin = $root.fareader.v1.PinEvidence.toObject(m.pin, o, q + 1);
                    if (o.oneofs)
                        d.evidence = "pin";
                }
                if (m.visualCheck != null && $Object.hasOwnProperty.call(m, "visualCheck")) {
                    d.visualCheck = $root.fareader.v1.VisualCheckEvidence.toObject(m.visualCheck, o, q + 1);
                    if (o.oneofs)
                        d.evidence = "visualCheck";
                }
                if (m.consents && m.consents.length) {
                    d.consents = $Array(m.consents.length);
                    for (var j = 0; j < m.consents.length; ++j) {
                        d.consents[j] = $root.fareader.v1.Consent.toObject(m.consents[j], o, q + 1);
                    }
                }
                if (m.timings && m.timings.length) {
                    d.timings = $Array(m.timings.length);
                    for (var j = 0; j < m.timings.length; ++j) {
                        d.timings[j] = $root.fareader.v1.StageTiming.toObject(m.timings[j], o, q + 1);
                    }
                }
                if (m.startedAtMs != null && $Object.hasOwnProperty.call(m, "startedAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.startedAtMs = typeof m.startedAtMs === "number" ? $BigInt(m.startedAtMs) : $util.Long.fromBits(m.startedAtMs.low >>> 0, m.startedAtMs.high >>> 0, true).toBigInt();
                    else if (typeof m.startedAtMs === "number")
                        d.startedAtMs = o.longs === $String ? $String(m.startedAtMs) : m.startedAtMs;
                    else
                        d.startedAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.startedAtMs) : o.longs === $Number ? new $util.LongBits(m.startedAtMs.low >>> 0, m.startedAtMs.high >>> 0).toNumber(true) : m.startedAtMs;
                }
                if (m.finishedAtMs != null && $Object.hasOwnProperty.call(m, "finishedAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.finishedAtMs = typeof m.finishedAtMs === "number" ? $BigInt(m.finishedAtMs) : $util.Long.fromBits(m.finishedAtMs.low >>> 0, m.finishedAtMs.high >>> 0, true).toBigInt();
                    else if (typeof m.finishedAtMs === "number")
                        d.finishedAtMs = o.longs === $String ? $String(m.finishedAtMs) : m.finishedAtMs;
                    else
                        d.finishedAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.finishedAtMs) : o.longs === $Number ? new $util.LongBits(m.finishedAtMs.low >>> 0, m.finishedAtMs.high >>> 0).toNumber(true) : m.finishedAtMs;
                }
                if (m.detail != null && $Object.hasOwnProperty.call(m, "detail")) {
                    d.detail = m.detail;
                }
                if (m.linkTest != null && $Object.hasOwnProperty.call(m, "linkTest")) {
                    d.linkTest = m.linkTest;
                }
                return d;
            };

            /**
             * Converts this VerificationResult to JSON.
             * @function toJSON
             * @memberof fareader.v1.VerificationResult
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            VerificationResult.prototype.toJSON = function() {
                return VerificationResult.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for VerificationResult
             * @function getTypeUrl
             * @memberof fareader.v1.VerificationResult
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            VerificationResult.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fareader.v1.VerificationResult";
            };

            return VerificationResult;
        })();

        return v1;
    })();

    return fareader;
})();

export {
  $root as default
};
